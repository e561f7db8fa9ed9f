import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AlertSeverity, AlertKind } from '@hearth/domain';
import { api, authHeaders, session } from '../api/client';
import { useCurrentUser } from '../auth/current-user';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { followStream } from '../api/event-stream';
import type { AlertView } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { CaseLabel } from '../components/case-label';
import { ErrorNotice, Loading } from '../components/status';
import { formKeyOf, useTaskTitle } from '../hooks/forms';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

const SEVERITY_COLOURS: Record<AlertSeverity, string> = { critical: 'red.9', warning: 'orange.9', info: 'blue.9' };

/** An admin asks the case to try again a step that failed for good. */
function RetryStep({ caseRef, step }: { caseRef: string; step: string }) {
  const { m } = useI18n();
  const retry = useStaffAction((_: void, key: string) => api(`/cases/${encodeURIComponent(caseRef)}/retry`, { method: 'POST', body: { step }, idempotencyKey: key }), ['alerts']);
  return (
    <div>
      <Button size="compact-sm" variant="default" mt={4} loading={retry.isPending} disabled={retry.isSuccess} onClick={() => retry.mutate()}>{m.alerts.retry}</Button>
      {retry.isSuccess && <Text size="sm" role="status">{m.alerts.retried}</Text>}
      <ActionError error={retry.error} />
    </div>
  );
}

/** Alerts most severe first; new ones appear as they are raised (Server-Sent Events), resolved ones go. */
export default function AlertsPage() {
  const { m, t, dateTime } = useI18n();
  const { has } = useCurrentUser();
  const title = useTaskTitle();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'live' | 'reconnecting' | 'connecting'>('connecting');
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const alerts = usePaged<AlertView>(['alerts'], '/alerts', { limit: 50 });

  useEffect(
    () =>
      followStream('/alerts/stream', {
        onStatus: setStatus,
        onEvent: (event) => {
          // The server ends the stream when the session ends (password reset, deactivation): sign in again.
          if (event.type === 'session-ended') return session.end('session-ended');
          if (event.type !== 'raised' && event.type !== 'resolved') return;
          const { alert } = JSON.parse(event.data) as { alert: AlertView };
          if (event.type === 'raised') setFresh((current) => new Set(current).add(alert.id));
          void queryClient.invalidateQueries({ queryKey: ['alerts'] });
        },
      }, authHeaders),
    [queryClient],
  );

  const rows = alerts.rows;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.alerts.title}</Title>
        <Text size="sm" c={status === 'live' ? 'teal.9' : 'dimmed'} role="status" data-stream={status}>{status === 'live' ? m.alerts.live : m.alerts.reconnecting}</Text>
      </Group>
      {alerts.isPending && <Loading />}
      {alerts.error && <ErrorNotice error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data && rows.length === 0 && <Text c="dimmed">{m.alerts.empty}</Text>}
      {rows.length > 0 && (
        <DataTable striped aria-label={m.alerts.title} data-testid="alert-list" headers={[m.alerts.about, m.common.case, m.common.date]}>
          {rows.map((alert) => (
            <Table.Tr key={alert.id} data-alert-id={alert.id}>
              <Table.Td>
                <Group gap={6}>
                  <Badge color={SEVERITY_COLOURS[alert.severity as AlertSeverity]}>{m.severity[alert.severity as AlertSeverity]}</Badge>
                  {fresh.has(alert.id) && <Badge variant="outline" color="teal.9">{m.alerts.new}</Badge>}
                </Group>
                <Text size="sm" mt={4}>
                  {m.alertKind[alert.kind as AlertKind] ?? alert.kind}
                  {alert.about && alert.taskId ? <> · <Link to={`/tasks/${alert.taskId}`}>{title({ formKey: formKeyOf(alert.about), title: alert.aboutTitle ?? alert.about })}</Link></> : null}
                </Text>
              </Table.Td>
              <Table.Td><CaseLabel number={alert.caseNumber} name={alert.caseName} /></Table.Td>
              <Table.Td>
                {t(m.alerts.raised, { date: dateTime(alert.raisedLocal) })}
                {alert.kind === 'needs-attention' && alert.about && has('admin') && <RetryStep caseRef={alert.caseRef} step={alert.about} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore list={alerts} />
    </Stack>
  );
}
