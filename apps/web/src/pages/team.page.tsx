import { Alert, Button, Card, Checkbox, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, withQuery } from '../api/client';
import type { CaseloadView, DelegationList, StaffPage, TaskMoveResult, TaskView } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { useCurrentUser } from '../auth/current-user';
import { CaseLabel } from '../components/case-label';
import { DueBadge, ErrorNotice, Loading } from '../components/status';
import { useTaskTitle } from '../hooks/forms';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { localDateTimeIn } from '../i18n/dates';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';

// Leave is the worker's, not a case's: shown on this browser's clock.
const myTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function useTeamStaff(teamId: string) {
  return useQuery({ queryKey: ['staff', teamId], queryFn: () => api<StaffPage>(withQuery('/staff', { teamId })) });
}

/** A worker's open tasks, to move some or all to a colleague (the case's workflow may refuse a move, with its reason). */
function WorkerTasks({ workerId, workerName, teamId }: { workerId: string; workerName: string; teamId: string }) {
  const { m, t, date } = useI18n();
  const title = useTaskTitle();
  const tasks = usePaged<TaskView>(['tasks'], '/tasks', { assignedTo: workerId, limit: 100 });
  const staff = useTeamStaff(teamId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [to, setTo] = useState<string | null>(null);
  const move = useStaffAction(
    (body: object, key: string) => api<TaskMoveResult>('/tasks/reassign', { method: 'POST', body, idempotencyKey: key }),
    ['tasks', 'caseload'],
    () => setChosen(new Set()),
  );
  const moveTasks = (all: boolean) => move.mutate(all ? { fromWorkerId: workerId, toWorkerId: to } : { taskIds: [...chosen], toWorkerId: to });
  const rows = tasks.rows;
  // Only colleagues who could take these tasks: they hold the role each chosen task needs.
  const needed = new Set(rows.filter((task) => chosen.size === 0 || chosen.has(task.id)).map((task) => task.candidateRole));
  const colleagues = (staff.data?.items ?? []).filter((each) => each.id !== workerId && each.active && [...needed].every((role) => each.roles.includes(role as never)));

  return (
    <Card withBorder component="section" aria-labelledby="worker-tasks">
      <Title order={3} size="h5" id="worker-tasks">{t(m.team.tasksOf, { name: workerName })}</Title>
      {tasks.isPending && <Loading />}
      {tasks.error && <ErrorNotice error={tasks.error} />}
      {rows.length > 0 && (
        <div className="table-frame">
          <Table mt="xs">
            <Table.Tbody>
              {rows.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${title(task)} ${task.caseNumber ?? ''}`}
                      checked={chosen.has(task.id)}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.currentTarget.checked) next.add(task.id);
                        else next.delete(task.id);
                        setChosen(next);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>{title(task)}</Table.Td>
                  <Table.Td><CaseLabel number={task.caseNumber} name={task.caseName} /></Table.Td>
                  <Table.Td><Group gap={6} wrap="nowrap"><span>{date(task.dueDate)}</span><DueBadge state={task.dueState} /></Group></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore list={tasks} />
      <Group align="flex-end" mt="sm">
        <Select label={m.team.moveTo} placeholder={m.team.choose} data={colleagues.map((each) => ({ value: each.id, label: each.displayName }))} value={to} onChange={setTo} w={240} searchable />
        <Button disabled={!to || chosen.size === 0} onClick={() => moveTasks(false)} loading={move.isPending}>{m.team.moveSelected}</Button>
        <Button variant="outline" disabled={!to || rows.length === 0} onClick={() => moveTasks(true)} loading={move.isPending}>{m.team.moveAll}</Button>
      </Group>
      {move.data && (
        <Alert color={move.data.refused.length ? 'orange' : 'teal'} mt="sm" role="status">
          <Text size="sm">{t(m.team.moved, { n: move.data.moved.length })}</Text>
          {move.data.refused.length > 0 && (
            <List size="sm">{move.data.refused.map((refusal) => <List.Item key={refusal.taskId}>{t(m.team.refused, { reason: refusal.reason })}</List.Item>)}</List>
          )}
        </Alert>
      )}
      <ActionError error={move.error} />
    </Card>
  );
}

/** Leave: tasks that arrive for the worker while away go to the delegate. */
function Delegations({ workerId, teamId }: { workerId: string; teamId: string }) {
  const { m, dateTime } = useI18n();
  const delegations = useQuery({ queryKey: ['delegations', workerId], queryFn: () => api<DelegationList>(`/staff/${workerId}/delegations`) });
  const staff = useTeamStaff(teamId);
  const [delegateId, setDelegateId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const create = useStaffAction((body: object) => api(`/staff/${workerId}/delegations`, { method: 'POST', body }), ['delegations']);
  const cancel = useStaffAction((delegationId: string) => api(`/staff/${workerId}/delegations/${delegationId}`, { method: 'DELETE' }), ['delegations']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ delegateId, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() });
  };
  return (
    <Card withBorder component="section" aria-labelledby="delegations">
      <Title order={3} size="h5" id="delegations">{m.team.delegation}</Title>
      {delegations.data && delegations.data.items.length === 0 && <Text size="sm">{m.team.noDelegations}</Text>}
      <List size="sm">
        {delegations.data?.items.filter((each) => !each.cancelledAt).map((each) => (
          <List.Item key={each.id}>
            {each.delegateName}: {dateTime(localDateTimeIn(each.startsAt, myTimeZone))} – {dateTime(localDateTimeIn(each.endsAt, myTimeZone))}{' '}
            <Button size="compact-xs" variant="subtle" c="red.9" onClick={() => cancel.mutate(each.id)} loading={cancel.isPending}>{m.team.cancelDelegation}</Button>
          </List.Item>
        ))}
      </List>
      <form onSubmit={submit}>
        <Group align="flex-end" mt="sm">
          <Select label={m.team.delegate} data={(staff.data?.items ?? []).filter((each) => each.id !== workerId).map((each) => ({ value: each.id, label: each.displayName }))} value={delegateId} onChange={setDelegateId} w={220} />
          <TextInput type="datetime-local" label={m.team.starts} value={startsAt} onChange={(event) => setStartsAt(event.currentTarget.value)} required />
          <TextInput type="datetime-local" label={m.team.ends} value={endsAt} onChange={(event) => setEndsAt(event.currentTarget.value)} required />
          <Button type="submit" disabled={!delegateId || !startsAt || !endsAt} loading={create.isPending}>{m.team.addDelegation}</Button>
        </Group>
      </form>
      <ActionError error={create.error} />
      <ActionError error={cancel.error} />
    </Card>
  );
}

/** A team manager's view: each worker's open, overdue and due-this-week tasks; moving work; leave. */
export default function TeamPage() {
  const { m, number } = useI18n();
  const { me } = useCurrentUser();
  const teamId = me?.teamId ?? '';
  const caseload = useQuery({ queryKey: ['caseload', teamId], queryFn: () => api<CaseloadView>(`/teams/${teamId}/caseload`), enabled: teamId !== '' });
  const [worker, setWorker] = useState<{ id: string; name: string } | null>(null);
  if (caseload.isPending) return <Loading />;
  if (caseload.error) return <ErrorNotice error={caseload.error} onRetry={() => void caseload.refetch()} />;

  return (
    <Stack>
      <Title order={2}>{m.team.title}: {caseload.data.teamName}</Title>
      <DataTable striped aria-label={m.team.caseload} data-testid="caseload" headers={[m.team.worker, m.team.open, m.team.overdue, m.team.dueThisWeek]}>
        {caseload.data.workers.map((row) => (
          <Table.Tr key={row.assigneeId ?? 'offered'}>
            <Table.Td>
              {row.assigneeId ? (
                <Button variant="subtle" size="compact-sm" onClick={() => setWorker({ id: row.assigneeId!, name: row.assigneeName ?? '' })} aria-pressed={worker?.id === row.assigneeId}>{row.assigneeName}</Button>
              ) : (
                m.team.offered
              )}
            </Table.Td>
            <Table.Td>{number(row.open)}</Table.Td>
            <Table.Td>{row.overdue ? <Text span c="red.9" fw={700}>{number(row.overdue)}</Text> : number(0)}</Table.Td>
            <Table.Td>{number(row.dueThisWeek)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {worker && (
        <>
          <WorkerTasks key={worker.id} workerId={worker.id} workerName={worker.name} teamId={teamId} />
          <Delegations key={`d-${worker.id}`} workerId={worker.id} teamId={teamId} />
        </>
      )}
    </Stack>
  );
}
