import { Anchor, Badge, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OUTCOME_LABELS, TaskOutcome } from '@hearth/domain';
import { api, withQuery } from '../api/client';
import type { PanelAgendaView, PanelCalendarView, PanelCaseView, TaskPage } from '../api/types';
import { CaseLabel } from '../components/case-label';
import { ErrorNotice, Loading } from '../components/status';
import { localDateTimeIn, todayIn } from '../i18n/dates';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useCurrentUser } from '../auth/current-user';
import { ArrangeSitting } from './arrange-sitting';

const PAPERS_COLOURS = { sent: 'teal.9', 'sent-late': 'orange.9', late: 'red.9', due: 'gray.7' } as const;

/** The open recommendation task of a case on the agenda, for its chair to record. */
function RecordRecommendation({ item }: { item: PanelCaseView }) {
  const { m } = useI18n();
  const task = useQuery({ queryKey: ['tasks', { caseRef: item.caseRef, type: 'record-panel-recommendation' }], queryFn: () => api<TaskPage>(withQuery('/tasks', { caseRef: item.caseRef, type: 'record-panel-recommendation', limit: 1 })) });
  const open = task.data?.items.find((each) => each.status === 'open');
  return open ? <Anchor component={Link} to={`/tasks/${open.id}`} size="sm">{m.panels.recordRecommendation}</Anchor> : null;
}

function Agenda({ id }: { id: string }) {
  const { m, t, date, dateTime, preferences } = useI18n();
  const agenda = useQuery({ queryKey: ['panel', id], queryFn: () => api<PanelAgendaView>(`/panels/${id}`) });
  if (agenda.isPending) return <Loading />;
  if (agenda.error) return <ErrorNotice error={agenda.error} />;
  const view = agenda.data;
  return (
    <Card withBorder component="section" aria-labelledby="agenda">
      <Title order={3} size="h4" id="agenda">{m.panels.agenda}: {dateTime(view.sittingLocal)}</Title>
      <Text size="sm" mt="xs">{m.panels.chair}: {view.chairName ?? ''}</Text>
      <Text size="sm">{m.panels.members}: {view.members.map((member) => member.name ?? '').join(m.common.comma)}</Text>
      {view.cases.length === 0 ? (
        <Text size="sm" mt="sm">{m.panels.noCases}</Text>
      ) : (
        <List mt="sm" spacing="xs">
          {view.cases.map((item) => (
            <List.Item key={item.householdId}>
              <Group gap="xs">
                {item.caseName ? <Link to={`/households/${item.householdId}`}><CaseLabel number={item.caseNumber} name={item.caseName} /></Link> : <CaseLabel number={item.caseNumber} name={null} />}
                <Badge color={PAPERS_COLOURS[item.papers]}>{m.panels.papers}: {m.papers[item.papers]}</Badge>
                {item.papersDueAt && <Text size="xs">{t(m.panels.papersDue, { date: date(localDateTimeIn(item.papersDueAt, view.timeZone).slice(0, 10)) })}</Text>}
                {item.recommendation && <Text size="sm">{m.panels.recommendation}: {OUTCOME_LABELS[item.recommendation as TaskOutcome]?.[preferences.language] ?? item.recommendation}</Text>}
                <RecordRecommendation item={item} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** The panel calendar (sittings between two dates), and a sitting's agenda with its papers. */
export default function PanelsPage({ panelId }: { panelId?: string }) {
  const { m, dateTime, number } = useI18n();
  const { has } = useCurrentUser();
  const today = todayIn('Asia/Baghdad');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(() => todayIn('Asia/Baghdad', new Date(Date.now() + 90 * 86_400_000)));
  const calendar = useQuery({ queryKey: ['panels', from, to], queryFn: () => api<PanelCalendarView>(withQuery('/panels', { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` })), enabled: Boolean(from && to) });

  return (
    <Stack>
      <Title order={2}>{m.panels.title}</Title>
      {has('team-manager', 'admin') && <ArrangeSitting />}
      <Group align="flex-end">
        <TextInput type="date" label={m.panels.from} value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <TextInput type="date" label={m.panels.to} value={to} onChange={(event) => setTo(event.currentTarget.value)} />
      </Group>
      {calendar.isPending && <Loading />}
      {calendar.error && <ErrorNotice error={calendar.error} />}
      {calendar.data && calendar.data.items.length === 0 && <Text c="dimmed">{m.panels.none}</Text>}
      {calendar.data && calendar.data.items.length > 0 && (
        <DataTable striped aria-label={m.panels.title} headers={[m.panels.sitting, m.panels.chair, m.panels.cases]}>
          {calendar.data.items.map((panel) => (
            <Table.Tr key={panel.id}>
              <Table.Td><Link to={`/panels/${panel.id}`}>{dateTime(panel.sittingLocal)}</Link></Table.Td>
              <Table.Td>{panel.chairName}</Table.Td>
              <Table.Td>{number(panel.cases)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {panelId && <Agenda id={panelId} />}
    </Stack>
  );
}
