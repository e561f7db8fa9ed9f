import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { DAY_OFF_KINDS, DayOffKind } from '@hearth/domain';
import { api } from '../api/client';
import type { CalendarPreviewView, DayOffView } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { ErrorNotice, Loading } from '../components/status';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { formKeyOf, useTaskTitle } from '../hooks/forms';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';

type Proposal = { action: 'declare'; date: string; name: string; kind: DayOffKind } | { action: 'remove'; day: DayOffView } | { action: 'correct'; day: DayOffView; date: string };

/** The preview's question, and the change itself, for each kind of proposal. */
function requestsOf(proposal: Proposal): { preview: object; apply: () => Promise<unknown> } {
  switch (proposal.action) {
    case 'declare':
      return { preview: { declare: proposal.date }, apply: () => api('/calendar/closures', { method: 'POST', body: { date: proposal.date, name: proposal.name, kind: proposal.kind } }) };
    case 'remove':
      return { preview: { removeId: proposal.day.id }, apply: () => api(`/calendar/days-off/${proposal.day.id}`, { method: 'DELETE' }) };
    case 'correct':
      return { preview: { removeId: proposal.day.id, declare: proposal.date }, apply: () => api(`/calendar/days-off/${proposal.day.id}`, { method: 'PATCH', body: { date: proposal.date } }) };
  }
}

/** The deadlines a proposal would move, and the button that does it. */
function PreviewOfChange({ proposal, onDone }: { proposal: Proposal; onDone(message: string): void }) {
  const { m, t, date, number } = useI18n();
  const title = useTaskTitle();
  const requests = requestsOf(proposal);
  const preview = useQuery({ queryKey: ['calendar-preview', requests.preview], queryFn: () => api<CalendarPreviewView>('/calendar/preview', { method: 'POST', body: requests.preview }), staleTime: 0 });
  const apply = useStaffAction(requests.apply, ['holidays', 'tasks'], () => onDone({ declare: m.calendar.declared, remove: m.calendar.removed, correct: m.calendar.corrected }[proposal.action]));
  if (preview.isPending) return <Loading />;
  if (preview.error) return <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />;
  const { total, moves } = preview.data;

  return (
    <Card withBorder component="section" aria-labelledby="preview" data-testid="calendar-preview">
      <Title order={3} size="h5" id="preview">{total === 0 ? m.calendar.movesNone : t(m.calendar.moves, { n: total })}</Title>
      {moves.length > 0 && (
        <DataTable mt="xs" headers={[m.common.case, m.work.task, m.calendar.from, m.calendar.to]}>
          {[...moves].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.caseNumber ?? "").localeCompare(b.caseNumber ?? "")).map((move) => (
            <Table.Tr key={move.taskId}>
              <Table.Td dir="ltr" style={{ unicodeBidi: 'isolate' }}>{move.caseNumber}</Table.Td>
              <Table.Td>{title({ formKey: move.formKey ?? formKeyOf(move.type), title: move.type })}</Table.Td>
              <Table.Td>{date(move.dueDate)}</Table.Td>
              <Table.Td>{date(move.newDueDate)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {total > moves.length && <Text size="sm" mt="xs">{t(m.calendar.movesMore, { n: number(total - moves.length) })}</Text>}
      <Group mt="sm">
        <Button color={proposal.action === 'remove' ? 'red.9' : undefined} onClick={() => apply.mutate()} loading={apply.isPending}>
          {{ declare: m.calendar.confirmDeclare, remove: m.calendar.confirmRemove, correct: m.calendar.confirmCorrect }[proposal.action]}
        </Button>
      </Group>
      <ActionError error={apply.error} />
    </Card>
  );
}

/** The days off; an admin declares or removes one after seeing which deadlines it moves. */
export default function CalendarPage() {
  const { m, date } = useI18n();
  const { has } = useCurrentUser();
  const admin = has('admin');
  const holidays = useQuery({ queryKey: ['holidays'], queryFn: () => api<DayOffView[]>('/calendar/holidays') });
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DayOffKind>('closure');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<{ day: DayOffView; date: string } | null>(null);
  const propose = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setProposal({ action: 'declare', date: day, name: name.trim(), kind });
  };
  const finished = (message: string) => {
    setProposal(null);
    setDone(message);
  };

  return (
    <Stack>
      <Title order={2}>{m.calendar.title}</Title>
      {admin && (
        <Card withBorder component="section" aria-labelledby="declare">
          <Title order={3} size="h5" id="declare">{m.calendar.declare}</Title>
          <form onSubmit={propose}>
            <Group align="flex-end" mt="xs">
              <TextInput type="date" label={m.calendar.date} value={day} onChange={(event) => { setDay(event.currentTarget.value); setProposal(null); }} required />
              <TextInput label={m.calendar.name} value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={120} />
              <Select label={m.calendar.kind} data={DAY_OFF_KINDS.map((each) => ({ value: each, label: m.dayOffKind[each] }))} value={kind} onChange={(value) => value && setKind(value as DayOffKind)} allowDeselect={false} />
              <Button type="submit" variant="default" disabled={!day || !name.trim()}>{m.calendar.preview}</Button>
            </Group>
          </form>
        </Card>
      )}
      {correcting && (
        <Card withBorder component="section" aria-labelledby="correct-day">
          <Title order={3} size="h5" id="correct-day">{m.calendar.correct}: {correcting.day.name}</Title>
          <Group align="flex-end" mt="xs">
            <TextInput type="date" label={m.calendar.newDate} value={correcting.date} onChange={(event) => setCorrecting({ ...correcting, date: event.currentTarget.value })} />
            <Button variant="default" disabled={!correcting.date || correcting.date === correcting.day.date} onClick={() => { setProposal({ action: 'correct', ...correcting }); setCorrecting(null); }}>{m.calendar.preview}</Button>
          </Group>
        </Card>
      )}
      {proposal && <PreviewOfChange key={JSON.stringify(proposal)} proposal={proposal} onDone={finished} />}
      {done && <Alert color="teal" role="status">{done}</Alert>}
      <Title order={3} size="h4">{m.calendar.daysOff}</Title>
      {holidays.isPending && <Loading />}
      {holidays.error && <ErrorNotice error={holidays.error} />}
      {holidays.data && (
        <div className="table-frame">
          <Table striped aria-label={m.calendar.daysOff}>
            <Table.Tbody>
              {holidays.data.map((each) => (
                <Table.Tr key={each.id}>
                  <Table.Td>{date(each.date, { weekday: true })}</Table.Td>
                  <Table.Td>{each.name}</Table.Td>
                  <Table.Td>{m.dayOffKind[each.kind]}{each.source === 'seeded' ? ` · ${m.calendar.seeded}` : ''}</Table.Td>
                  {admin && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" c="teal.9" onClick={() => { setDone(null); setCorrecting({ day: each, date: each.date }); }} aria-label={`${m.calendar.correct} ${each.name}`}>{m.calendar.correct}</Button>
                        <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={() => { setDone(null); setProposal({ action: 'remove', day: each }); }} aria-label={`${m.calendar.remove} ${each.name}`}>{m.calendar.remove}</Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
