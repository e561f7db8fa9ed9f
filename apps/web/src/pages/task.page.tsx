import { Alert, Anchor, Badge, Button, Card, Group, List, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { ChildView, DeadlineExplanationView, HouseholdView, TaskView } from '../api/types';
import { Reason } from './child-matching';
import { useCurrentUser } from '../auth/current-user';
import { CaseLabel } from '../components/case-label';
import { DueBadge, ErrorNotice, Loading } from '../components/status';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { FieldErrors, FormValues, missingRequired, SchemaForm } from '../forms/schema-form';
import { useFormDefinition, useTaskTitle } from '../hooks/forms';
import { localDateTimeIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { subjectLabel } from '../components/subject';

function WhyDue({ taskId }: { taskId: string }) {
  const { m, t, date, number } = useI18n();
  const why = useQuery({ queryKey: ['why-due', taskId], queryFn: () => api<DeadlineExplanationView>(`/tasks/${taskId}/why-due`) });
  if (!why.data) return why.error ? <ErrorNotice error={why.error} /> : null;
  const { offset, anchorDate, skipped, ruleId, source, rulePackId, rulePackVersion } = why.data;
  return (
    <Card withBorder component="section" aria-labelledby="why-due">
      <Title order={3} size="h5" id="why-due">{m.task.whyDue}</Title>
      <Text size="sm" mt="xs">{offset.amount === 0 ? t(m.task.countedOn, { anchor: date(anchorDate) }) : t(offset.amount < 0 ? m.task.countedBefore : m.task.counted, { amount: t(m.units[offset.unit], { n: Math.abs(offset.amount) }), anchor: date(anchorDate) })}</Text>
      <Text size="sm">{m.task.rule}: <Text span dir="ltr" style={{ unicodeBidi: 'isolate' }}>{ruleId}</Text> <Text span dir="ltr" style={{ unicodeBidi: 'isolate' }}>({source})</Text></Text>
      <Text size="sm">{m.task.pack}: {t(m.task.packVersion, { pack: rulePackId, version: number(rulePackVersion) })}</Text>
      <Text size="sm" fw={600} mt="xs">{m.task.skipped}</Text>
      {skipped.length === 0 ? (
        <Text size="sm">{m.task.noneSkipped}</Text>
      ) : (
        <List size="sm" data-testid="skipped-days">
          {skipped.map((day) => (
            <List.Item key={day.date}>{date(day.date, { weekday: true })}: {day.name ?? m.task.weekend}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function HouseholdContext({ householdId }: { householdId: string }) {
  const { m, date } = useI18n();
  const household = useQuery({ queryKey: ['household', householdId], queryFn: () => api<HouseholdView>(`/households/${householdId}`) });
  if (!household.data) return null;
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm">{m.households.stage}: {m.stage[household.data.stage as keyof typeof m.stage] ?? household.data.stage}</Text>
      <Text size="sm">{m.households.worker}: {household.data.supervisingWorkerName ?? m.common.nobody}</Text>
      <Text size="sm" fw={600}>{m.household.members}</Text>
      <List size="sm">
        {household.data.members.map((member) => (
          <List.Item key={member.id}>
            {member.fullName} ({member.kind === 'adult' ? m.household.adult : m.household.child}{member.dateOfBirth ? `${m.common.comma}${date(member.dateOfBirth)}` : ''})
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={`/households/${householdId}`} size="sm">{m.task.openCase}</Anchor>
    </Stack>
  );
}

/** The child the task is about: age, stage, the plan, and for a match decision the proposal with its reasons. */
function ChildContext({ childId, task }: { childId: string; task: TaskView }) {
  const { m, t, number } = useI18n();
  const child = useQuery({ queryKey: ['child', childId], queryFn: () => api<ChildView>(`/children/${childId}`) });
  if (!child.data) return null;
  const view = child.data;
  const proposal = task.type === 'approve-match' ? view.proposals.find((each) => each.status === 'proposed') : undefined;
  const placement = view.placements.find((each) => !each.endedOn);
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm">{m.children.age}: {t(m.children.ageYears, { n: number(view.age) })} · {m.childStage[view.stage as keyof typeof m.childStage] ?? view.stage}</Text>
      {view.placementTypeNeeded && <Text size="sm">{t(m.children.needsPlacement, { type: m.placementType[view.placementTypeNeeded as keyof typeof m.placementType] })}</Text>}
      {placement && <Text size="sm">{m.children.placements}: <CaseLabel number={placement.caseNumber} name={placement.householdName} /></Text>}
      {proposal && (
        <Card withBorder p="xs" mt="xs" data-testid="proposal-under-decision">
          <Text size="sm" fw={600}><CaseLabel number={proposal.caseNumber} name={proposal.householdName} /> · {m.children.score}: {number(proposal.score)}</Text>
          <List size="xs">{proposal.reasons.map((reason) => <List.Item key={reason.code}><Reason reason={reason} /></List.Item>)}</List>
          {proposal.proposalReasons && <Text size="sm" mt={4}><b>{m.children.proposalWhy}:</b> {proposal.proposalReasons}</Text>}
          {proposal.proposedByName && <Text size="xs" c="dimmed">{proposal.proposedByName}</Text>}
        </Card>
      )}
      <Anchor component={Link} to={`/children/${childId}`} size="sm">{m.task.openChild}</Anchor>
    </Stack>
  );
}

function CaseContext({ task }: { task: TaskView }) {
  const { m } = useI18n();
  const [kind, id] = task.caseRef.split(':');
  return (
    <Card withBorder component="section" aria-labelledby="case-context">
      <Title order={3} size="h5" id="case-context">{m.task.caseContext}</Title>
      <Text mt="xs"><CaseLabel number={task.caseNumber} name={task.caseName} /></Text>
      {kind === 'household' && <HouseholdContext householdId={id} />}
      {kind === 'child' && <ChildContext childId={id} task={task} />}
    </Card>
  );
}

function CompletionForm({ task }: { task: TaskView }) {
  const { m, preferences } = useI18n();
  const queryClient = useQueryClient();
  const form = useFormDefinition(task.formKey, task.formVersion);
  const [outcome, setOutcome] = useState<string | null>(task.outcomes.length === 1 ? task.outcomes[0] : null);
  const [data, setData] = useState<FormValues>({});
  const [missing, setMissing] = useState<FieldErrors>({});
  const complete = useStaffAction(
    (body: { outcome: string; data: FormValues }, key: string) => api<TaskView>(`/tasks/${task.id}/complete`, { method: 'POST', body, idempotencyKey: key }),
    ['tasks', 'household'],
    (done) => queryClient.setQueryData(['task', task.id], done),
  );
  const errors = Object.keys(missing).length ? missing : complete.fields;

  if (form.isPending) return <Loading />;
  if (form.error) return <ErrorNotice error={form.error} onRetry={() => void form.refetch()} />;
  const schema = outcome ? form.data.outcomes[outcome] : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome || !schema) return setMissing({ outcome: [m.task.chooseOutcome] });
    const absent = missingRequired(schema, data);
    setMissing(Object.fromEntries(absent.map((path) => [path, [m.form.required]])));
    if (absent.length === 0) complete.mutate({ outcome, data });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="task-form">
      <Stack>
        <Title order={3} size="h4" id="task-form">{form.data.title[preferences.language]}</Title>
        <Radio.Group label={m.task.outcome} required value={outcome} onChange={(next) => { setOutcome(next); setMissing({}); complete.reset(); }} error={errors.outcome?.join(' ')} name="outcome">
          <Group mt="xs">
            {task.outcomes.map((each) => (
              <Radio key={each} value={each} label={form.data.outcomeLabels[each]?.[preferences.language] ?? each} />
            ))}
          </Group>
        </Radio.Group>
        {schema && <SchemaForm schema={schema} value={data} onChange={setData} errors={errors} />}
        <ActionError error={complete.error} />
        {Object.keys(complete.fields).length > 0 && <Text c="red.9" role="alert">{m.errors.invalid}</Text>}
        <Group>
          <Button type="submit" loading={complete.isPending}>{m.task.complete}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Holding({ task }: { task: TaskView }) {
  const { m, t } = useI18n();
  const { me, has } = useCurrentUser();
  const queryClient = useQueryClient();
  const move = useStaffAction(
    (action: 'claim' | 'release', key: string) => api<TaskView>(`/tasks/${task.id}/${action}`, { method: 'POST', idempotencyKey: key }),
    ['tasks'],
    (moved) => queryClient.setQueryData(['task', task.id], moved),
  );
  const mine = task.assigneeId === me?.id;
  return (
    <Stack gap="xs">
      {task.assigneeId && !mine && (
        <Alert color="yellow">
          {has('team-manager') ? (
            <>{task.assigneeName} · <Anchor component={Link} to="/team">{m.team.moveTo}: {m.nav.team}</Anchor></>
          ) : (
            t(m.task.heldBySomeoneElse, { name: task.assigneeName ?? '' })
          )}
        </Alert>
      )}
      <Group>
        {!task.assigneeId && has(task.candidateRole as never) && <Button variant="default" onClick={() => move.mutate('claim')} loading={move.isPending}>{m.task.claim}</Button>}
        {mine && <Button variant="subtle" onClick={() => move.mutate('release')} loading={move.isPending}>{m.task.release}</Button>}
      </Group>
      <ActionError error={move.error} />
    </Stack>
  );
}

/** The outcome a completed task concluded with, in the user's language. */
function OutcomeOf({ task }: { task: TaskView }) {
  const { m, preferences } = useI18n();
  const form = useFormDefinition(task.formKey, task.formVersion);
  return <Text mt="xs" fw={600}>{m.task.outcome}: {form.data?.outcomeLabels[task.outcome!]?.[preferences.language] ?? task.outcome}</Text>;
}

export default function TaskPage({ id }: { id: string }) {
  const { m, t, date, dateTime } = useI18n();
  const { me } = useCurrentUser();
  const title = useTaskTitle();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => api<TaskView>(`/tasks/${id}`) });
  if (task.isPending) return <Loading />;
  if (task.error) return <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />;
  const view = task.data;
  const canComplete = view.status === 'open' && (view.assigneeId === me?.id || (!view.assigneeId && me?.roles.includes(view.candidateRole as never)));

  return (
    <Stack>
      <Anchor component={Link} to="/" size="sm">{m.task.back}</Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{title(view)}</Title>
          <Text><CaseLabel number={view.caseNumber} name={view.caseName} />{view.subject && <> · {subjectLabel(view.subject, m, t)}</>}</Text>
        </div>
        <Group gap="xs">
          <Text>{t(m.task.dueOn, { date: date(view.dueDate, { weekday: true }) })}</Text>
          <DueBadge state={view.dueState} />
        </Group>
      </Group>
      {view.status !== 'open' && (
        <Alert color={view.status === 'completed' ? 'teal' : 'gray'} role="status">
          <Badge color={view.status === 'completed' ? 'teal.9' : 'gray.7'}>{m.task[view.status as 'completed' | 'cancelled']}</Badge>{' '}
          {view.completedAt && t(m.task.completedBy, { name: view.completedByName ?? '', date: dateTime(localDateTimeIn(view.completedAt, view.timeZone)) })}
          {view.status === 'completed' && view.outcome && <OutcomeOf task={view} />}
          {view.status === 'completed' && <Text mt="xs">{m.task.done}</Text>}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack>
          {view.status === 'open' && <Holding task={view} />}
          {canComplete && <CompletionForm task={view} />}
        </Stack>
        <Stack>
          <CaseContext task={view} />
          <WhyDue taskId={view.id} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
