import { Badge, Card, Group, List, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TaskView, TimelineEntryView } from '../api/types';
import { formKeyOf, useTaskTitle } from '../hooks/forms';
import { localDateTimeIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { DueBadge } from './status';
import { subjectLabel } from './subject';

/** A case page's heading: the name, the case number as staff quote it, and where the case stands. */
export function CaseHeader({ name, caseNumber, stage }: { name: string; caseNumber: string; stage: string }) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={2}>{name}</Title>
        <Text dir="ltr" style={{ unicodeBidi: 'isolate' }} fw={600}>{caseNumber}</Text>
      </div>
      <Badge size="lg" color="teal.9">{stage}</Badge>
    </Group>
  );
}

/** A titled card of a case page, named for screen readers by its title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\s+/g, '-')}`;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">{title}</Title>
      {children}
    </Card>
  );
}

/** A case's open tasks: what, who holds it, when it is due. */
export function OpenTasks({ tasks, empty }: { tasks: TaskView[]; empty: string }) {
  const { m, t, date } = useI18n();
  const title = useTaskTitle();
  const open = tasks.filter((task) => task.status === 'open');
  if (open.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <div className="table-frame">
      <Table>
        <Table.Tbody>
          {open.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td><Link to={`/tasks/${task.id}`}>{title(task)}</Link>{task.subject && <> · {subjectLabel(task.subject, m, t)}</>}</Table.Td>
              <Table.Td>{task.assigneeName ?? m.common.nobody}</Table.Td>
              <Table.Td><Group gap={6} wrap="nowrap"><span>{date(task.dueDate)}</span><DueBadge state={task.dueState} /></Group></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** What happened on a case, on its jurisdiction's clock; `detail` adds what a change reached (a stage). */
export function Timeline({ entries, timeZone, detail = () => null }: { entries: TimelineEntryView[]; timeZone: string; detail?: (entry: TimelineEntryView) => string | null }) {
  const { m, dateTime } = useI18n();
  const title = useTaskTitle();
  // Which task each task entry is about: its opening names the type.
  const taskTypes = new Map(entries.filter((entry) => entry.action === 'task.opened' && typeof entry.after?.type === 'string').map((entry) => [entry.entityId, entry.after!.type as string]));
  const taskTitle = (entry: TimelineEntryView) => {
    const type = entry.entityType === 'task' ? taskTypes.get(entry.entityId) : undefined;
    return type ? title({ formKey: formKeyOf(type), title: type }) : null;
  };
  const label = (entry: TimelineEntryView) => {
    const action = (m.timeline as Record<string, string>)[entry.action] ?? entry.action;
    const more = detail(entry) ?? taskTitle(entry);
    return more ? `${action}: ${more}` : action;
  };
  return (
    <List size="sm" spacing={4}>
      {entries.map((entry, index) => (
        <List.Item key={`${entry.at}-${index}`}>
          {dateTime(localDateTimeIn(entry.at, timeZone))} — {label(entry)}{entry.actorName ? ` · ${entry.actorName}` : ''}
        </List.Item>
      ))}
    </List>
  );
}
