import { Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { TASK_TYPES } from '@hearth/domain';
import type { TaskView } from '../api/types';
import { CaseLabel } from '../components/case-label';
import { DueBadge, ErrorNotice, Loading } from '../components/status';
import { formKeyOf, useTaskTitle } from '../hooks/forms';
import { LoadMore, usePaged } from '../hooks/paged';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { subjectLabel } from '../components/subject';

type Show = 'mine' | 'held' | 'team';

function query(show: Show, overdue: boolean, dueWithinDays: string | null, type: string | null) {
  return { assignedToMe: show === 'held' ? true : undefined, team: show === 'team' ? 'mine' : undefined, overdue: overdue || undefined, dueWithinDays, type, limit: 50 };
}

/** The inbox: what I may act on, most urgent first, with the family and subject on each row. */
export function MyWorkPage() {
  const { m, t, date, number } = useI18n();
  const title = useTaskTitle();
  const [show, setShow] = useState<Show>('mine');
  const [overdue, setOverdue] = useState(false);
  const [dueWithinDays, setDueWithinDays] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const filters = query(show, overdue, dueWithinDays, type);
  const tasks = usePaged<TaskView>(['tasks'], '/tasks', filters);
  const rows = tasks.rows;

  return (
    <Stack>
      <Title order={2}>{m.work.title}</Title>
      <Group align="flex-end" gap="sm">
        <Select
          label={m.work.show}
          data={[{ value: 'mine', label: m.work.mine }, { value: 'held', label: m.work.heldByMe }, { value: 'team', label: m.work.team }]}
          value={show}
          onChange={(value) => setShow((value as Show) ?? 'mine')}
          allowDeselect={false}
          w={220}
        />
        <Select
          label={m.work.dueWithin}
          data={[{ value: '', label: m.work.anyTime }, ...['3', '7', '14', '30'].map((days) => ({ value: days, label: t(m.work.withinDays, { n: Number(days) }) }))]}
          value={dueWithinDays ?? ''}
          onChange={(value) => setDueWithinDays(value || null)}
          w={160}
        />
        <Select
          label={m.work.type}
          data={[{ value: '', label: m.work.anyType }, ...TASK_TYPES.map((each) => ({ value: each, label: title({ formKey: formKeyOf(each), title: each }) }))]}
          value={type ?? ''}
          onChange={(value) => setType(value || null)}
          searchable
          w={240}
        />
        <Checkbox label={m.work.overdueOnly} checked={overdue} onChange={(event) => setOverdue(event.currentTarget.checked)} mb={8} />
      </Group>
      {tasks.isPending && <Loading />}
      {tasks.error && <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.data && rows.length === 0 && <Text c="dimmed">{m.work.empty}</Text>}
      {rows.length > 0 && (
        <DataTable striped highlightOnHover aria-label={m.work.title} data-testid="work-list" headers={[m.common.case, m.work.task, m.work.subject, m.work.due, m.work.holder]}>
          {rows.map((task) => (
            <Table.Tr key={task.id} data-task-id={task.id}>
              <Table.Td><CaseLabel number={task.caseNumber} name={task.caseName} /></Table.Td>
              <Table.Td><Link to={`/tasks/${task.id}`}>{title(task)}</Link></Table.Td>
              <Table.Td>{task.subject ? subjectLabel(task.subject, m, t) : ''}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{date(task.dueDate)}</Text>
                  <DueBadge state={task.dueState} />
                </Group>
              </Table.Td>
              <Table.Td>{task.assigneeName ?? t(m.work.offeredTo, { role: m.role[task.candidateRole as keyof typeof m.role] ?? task.candidateRole })}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {rows.length > 0 && <Text size="sm" c="dimmed">{t(m.work.count, { n: number(rows.length) })}</Text>}
      <LoadMore list={tasks} />
    </Stack>
  );
}
