import { Badge, Button, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { ChildView, MatchReasonView, ShortlistView, TaskView } from '../api/types';
import { CaseLabel } from '../components/case-label';
import { ActionError } from '../components/action-error';
import { Section } from '../components/case-page';
import { DataTable } from '../components/data-table';
import { ErrorNotice, Loading } from '../components/status';
import { useStaffAction } from '../hooks/staff-action';
import { localDateTimeIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** One reason for a rank, in the user's words, with its points and any distance. */
export function Reason({ reason }: { reason: MatchReasonView }) {
  const { m, t, number } = useI18n();
  const text = t(m.matchReason[reason.code as keyof typeof m.matchReason] ?? reason.code, { value: reason.value ?? '' });
  return (
    <>
      {text}
      {reason.distanceKm !== undefined && ` (${t(m.km, { n: number(reason.distanceKm) })})`}
      {reason.points > 0 && <> <Text span c="teal.9" fw={600} dir="ltr" style={{ unicodeBidi: 'isolate' }}>+{number(reason.points)}</Text></>}
    </>
  );
}

/** The caseworker proposes this household: completes the open propose-match task with the reasons. */
function Propose({ task, householdId }: { task: TaskView; householdId: string }) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  const propose = useStaffAction(
    (body: object, key: string) => api(`/tasks/${task.id}/complete`, { method: 'POST', body, idempotencyKey: key }),
    ['child', 'tasks', 'shortlist'],
  );
  if (!open) return <Button size="compact-sm" onClick={() => setOpen(true)}>{m.children.propose}</Button>;
  return (
    <Stack gap={4}>
      <Textarea label={m.children.proposeReasons} required autosize minRows={2} maxLength={4000} value={reasons} onChange={(event) => setReasons(event.currentTarget.value)} error={propose.fieldError('data.reasons')} />
      <Group gap="xs">
        <Button size="compact-sm" loading={propose.isPending} disabled={!reasons.trim()} onClick={() => propose.mutate({ outcome: 'proposed', data: { householdId, reasons: reasons.trim() } })}>{m.children.proposeConfirm}</Button>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpen(false)}>{m.common.cancel}</Button>
      </Group>
      <ActionError error={propose.error} />
    </Stack>
  );
}

/** The ranked shortlist, with the reasons for each rank and any earlier rejection; the caseworker proposes from it. */
export function Shortlist({ child, proposeTask }: { child: ChildView; proposeTask: TaskView | null }) {
  const { m, t, number, date } = useI18n();
  const shortlist = useQuery({ queryKey: ['shortlist', child.id], queryFn: () => api<ShortlistView>(`/children/${child.id}/shortlist`) });
  return (
    <Section title={m.children.shortlist}>
      <Text size="sm" c="dimmed" mb="xs">{m.children.shortlistHelp}</Text>
      {shortlist.isPending && <Loading />}
      {shortlist.error && <ErrorNotice error={shortlist.error} onRetry={() => void shortlist.refetch()} />}
      {shortlist.data && shortlist.data.items.length === 0 && <Text size="sm">{m.children.noShortlist}</Text>}
      {shortlist.data && shortlist.data.items.length > 0 && (
        <DataTable aria-label={m.children.shortlist} headers={[m.children.rank, m.children.household, m.children.freePlaces, m.children.score, m.children.why, '']}>
          {shortlist.data.items.slice(0, 50).map((entry) => (
            <Table.Tr key={entry.householdId} data-testid="shortlist-entry">
              <Table.Td>{number(entry.rank)}</Table.Td>
              <Table.Td>
                <Link to={`/households/${entry.householdId}`}><CaseLabel number={entry.caseNumber} name={entry.householdName} /></Link>
                {entry.area && <Text size="xs" c="dimmed">{entry.area}</Text>}
              </Table.Td>
              <Table.Td>{number(entry.freePlaces)}</Table.Td>
              <Table.Td>{number(entry.score)}</Table.Td>
              <Table.Td>
                <List size="xs">{entry.reasons.map((reason) => <List.Item key={reason.code}><Reason reason={reason} /></List.Item>)}</List>
                {entry.rejected && <Text size="xs" c="red.9">{t(m.children.rejectedBefore, { reasons: entry.rejected.decisionReasons ?? '' })}</Text>}
                {entry.placedBefore?.endedOn && (
                  <Text size="xs" c="orange.9">{t(m.children.placedBefore, { reason: m.placementEnd[entry.placedBefore.endReason as keyof typeof m.placementEnd] ?? '', date: date(entry.placedBefore.endedOn) })}</Text>
                )}
              </Table.Td>
              <Table.Td>{proposeTask && <Propose task={proposeTask} householdId={entry.householdId} />}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

/** Every proposal for the child, with its reasons and the team manager's decision and reasons. */
export function Proposals({ child }: { child: ChildView }) {
  const { m, t, dateTime, number } = useI18n();
  if (child.proposals.length === 0) return null;
  const local = (instant: string) => dateTime(localDateTimeIn(instant, child.timeZone));
  const colour = { proposed: 'yellow.5', approved: 'teal.9', rejected: 'red.9', withdrawn: 'gray.7' } as Record<string, string>;
  return (
    <Section title={m.children.proposals}>
      <Stack gap="sm">
        {child.proposals.map((proposal) => (
          <div key={proposal.id}>
            <Group gap="xs">
              <CaseLabel number={proposal.caseNumber} name={proposal.householdName} />
              <Badge color={colour[proposal.status]} autoContrast>{m.proposalStatus[proposal.status as keyof typeof m.proposalStatus]}</Badge>
              <Text size="sm">{m.children.score}: {number(proposal.score)}</Text>
            </Group>
            <Text size="xs" c="dimmed">{t(m.children.proposedBy, { name: proposal.proposedByName ?? '', date: local(proposal.proposedAt) })}</Text>
            {proposal.proposalReasons && <Text size="sm">{m.children.proposalWhy}: {proposal.proposalReasons}</Text>}
            {proposal.decidedAt && (
              <Text size="sm">
                {t(m.children.decidedBy, { name: proposal.decidedByName ?? '', date: local(proposal.decidedAt) })}
                {proposal.decisionReasons && <>: {proposal.decisionReasons}</>}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Section>
  );
}
