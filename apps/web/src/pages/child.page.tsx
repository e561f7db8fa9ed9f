import { Badge, Button, Group, List, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { afterPlacementEnds, CASE_NUMBER_PATTERN, normalizeCaseNumber, PLACEMENT_END_REASONS, PlacementEndReason } from '@hearth/domain';
import { api, withQuery } from '../api/client';
import type { ChildPage as ChildList, ChildView, PlacementView, TaskView } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { ActionError } from '../components/action-error';
import { CaseLabel } from '../components/case-label';
import { CaseHeader, OpenTasks, Section, Timeline } from '../components/case-page';
import { ErrorNotice, Loading } from '../components/status';
import { useTaskTitle } from '../hooks/forms';
import { useStaffAction } from '../hooks/staff-action';
import { todayIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { Proposals, Shortlist } from './child-matching';

/** The social worker or a team manager ends a placement, saying why and when. */
function EndPlacement({ child, placement }: { child: ChildView; placement: PlacementView }) {
  const { m } = useI18n();
  const [reason, setReason] = useState<string | null>(null);
  const [endedOn, setEndedOn] = useState(todayIn(child.timeZone));
  const [confirming, setConfirming] = useState(false);
  const end = useStaffAction((body: object, key: string) => api(`/placements/${placement.id}/end`, { method: 'POST', body, idempotencyKey: key }), ['child', 'tasks', 'shortlist', 'register']);
  // Ending a placement cannot be undone: a second, explicit click.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return;
    if (confirming) end.mutate({ reason, endedOn });
    else setConfirming(true);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={m.children.endPlacement}>
      <Group align="flex-end" mt="sm">
        <Select label={m.children.endReason} data={PLACEMENT_END_REASONS.map((each) => ({ value: each, label: m.placementEnd[each] }))} value={reason} onChange={(value) => { setReason(value); setConfirming(false); }} w={260} error={end.fieldError('reason')} />
        <TextInput type="date" label={m.children.endedOn} value={endedOn} onChange={(event) => setEndedOn(event.currentTarget.value)} error={end.fieldError('endedOn')} />
        <Button type="submit" color="red.9" variant={confirming ? 'filled' : 'outline'} disabled={!reason} loading={end.isPending}>{confirming ? m.children.confirmEnd : m.children.endPlacement}</Button>
      </Group>
      {reason && <Text size="sm" mt={4}>{afterPlacementEnds(reason as PlacementEndReason) === 'new-matching' ? m.children.nextIsMatching : m.children.nextIsClosing}</Text>}
      <ActionError error={end.error} />
    </form>
  );
}

function Placements({ child }: { child: ChildView }) {
  const { m, t, date } = useI18n();
  const { has } = useCurrentUser();
  return (
    <Section title={m.children.placements}>
      {child.placements.length === 0 && <Text size="sm">{m.children.noPlacements}</Text>}
      <Stack gap="md">
        {child.placements.map((placement) => (
          <div key={placement.id} data-testid="placement">
            <Group gap="xs">
              <Link to={`/households/${placement.householdId}`}><CaseLabel number={placement.caseNumber} name={placement.householdName} /></Link>
              <Badge variant="outline" color="gray.7">{m.placementType[placement.placementType as keyof typeof m.placementType] ?? placement.placementType}</Badge>
            </Group>
            <Text size="sm">{t(m.children.started, { date: date(placement.startedOn) })}</Text>
            {placement.endedOn && <Text size="sm">{t(m.children.ended, { date: date(placement.endedOn), reason: m.placementEnd[placement.endReason as keyof typeof m.placementEnd] ?? '' })}</Text>}
            <Text size="sm" fw={600} mt={4}>{m.children.visits}</Text>
            {placement.visits.length === 0 ? (
              <Text size="sm">{m.children.noVisits}</Text>
            ) : (
              <List size="sm">
                {placement.visits.map((visit, index) => (
                  <List.Item key={`${visit.visitedOn}-${index}`}>
                    {t(m.children.visited, { date: date(visit.visitedOn), alone: visit.seenAlone ? m.children.seenAlone : m.children.notSeenAlone })}
                    {visit.recordedByName && ` · ${visit.recordedByName}`}
                  </List.Item>
                ))}
              </List>
            )}
            {!placement.endedOn && has('caseworker', 'team-manager') && <EndPlacement child={child} placement={placement} />}
          </div>
        ))}
      </Stack>
    </Section>
  );
}

/** The reviewing officer brings the next review forward to a date before it is due. */
function BringReviewForward({ child }: { child: ChildView }) {
  const { m } = useI18n();
  const [on, setOn] = useState('');
  const forward = useStaffAction((body: object, key: string) => api(`/children/${child.id}/reviews/bring-forward`, { method: 'POST', body, idempotencyKey: key }), ['child', 'tasks']);
  return (
    <Group align="flex-end" mt="sm">
      <TextInput type="date" label={m.children.bringForwardTo} value={on} min={todayIn(child.timeZone)} onChange={(event) => setOn(event.currentTarget.value)} error={forward.fieldError('on')} />
      <Button variant="default" disabled={!on} loading={forward.isPending} onClick={() => forward.mutate({ on })}>{m.children.bringForwardSubmit}</Button>
      <ActionError error={forward.error} />
    </Group>
  );
}

function Reviews({ child, next }: { child: ChildView; next: TaskView | undefined }) {
  const { m, t, date } = useI18n();
  const { has } = useCurrentUser();
  const title = useTaskTitle();
  return (
    <Section title={m.children.reviews}>
      {child.reviews.length === 0 ? (
        <Text size="sm">{m.children.noReviews}</Text>
      ) : (
        <List size="sm">
          {child.reviews.map((review, index) => <List.Item key={`${review.heldOn}-${index}`}>{t(m.children.held, { date: date(review.heldOn), name: review.chairedByName ?? '' })}</List.Item>)}
        </List>
      )}
      {next && <Text size="sm" mt="xs" fw={600}>{t(m.children.nextDue, { task: title(next), date: date(next.dueDate, { weekday: true }) })}</Text>}
      {next && has('reviewing-officer') && <BringReviewForward child={child} />}
    </Section>
  );
}

/** Links a brother or sister by their case number: the two become one sibling group. */
function LinkSibling({ child }: { child: ChildView }) {
  const { m } = useI18n();
  const [typed, setTyped] = useState('');
  const link = useStaffAction(async (caseNumber: string) => {
    const found = await api<ChildList>(withQuery('/children', { caseNumber, limit: 1 }));
    const sibling = found.items[0];
    if (!sibling) throw new Error(m.errors.notFound);
    return api(`/children/${child.id}/siblings`, { method: 'POST', body: { siblingId: sibling.id } });
  }, ['child']);
  const number = normalizeCaseNumber(typed);
  return (
    <Group align="flex-end" mt="xs">
      <TextInput label={m.children.siblingCase} dir="ltr" placeholder="C-2026-0001" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} w={200} />
      <Button variant="default" disabled={!CASE_NUMBER_PATTERN.test(number)} loading={link.isPending} onClick={() => link.mutate(number, { onSuccess: () => setTyped('') })}>{m.children.link}</Button>
      <ActionError error={link.error} />
    </Group>
  );
}

/** Between steps: the case is open but no task of its stage is open yet (the workflow is opening it). */
function awaitingNextStep(view: ChildView | undefined): boolean {
  if (!view || view.stage === 'closed') return false;
  const open = view.tasks.filter((task) => task.status === 'open').map((task) => task.type);
  if (view.stage === 'matching') return !open.includes('propose-match') && !open.includes('approve-match');
  if (view.stage === 'placed') return view.placements.every((placement) => placement.endedOn !== null);
  return !open.includes('write-care-plan');
}

/** A child's case: the referral, the plan, matching, placements with visits, reviews, tasks and what happened. */
export default function ChildPage({ id }: { id: string }) {
  const { m, t, date } = useI18n();
  const { me, has } = useCurrentUser();
  // The case's workflow opens the next task a moment after a staff action: look again until it has.
  const child = useQuery({ queryKey: ['child', id], queryFn: () => api<ChildView>(`/children/${id}`), refetchInterval: (query) => (awaitingNextStep(query.state.data) ? 2_000 : false) });
  if (child.isPending) return <Loading />;
  if (child.error) return <ErrorNotice error={child.error} onRetry={() => void child.refetch()} />;
  const view = child.data;
  const open = view.tasks.filter((task) => task.status === 'open');
  const mine = (task: TaskView) => task.assigneeId === me?.id || (!task.assigneeId && me?.roles.includes(task.candidateRole as never));
  const proposeTask = open.find((task) => task.type === 'propose-match' && mine(task)) ?? null;
  const nextReview = open.find((task) => task.type === 'hold-child-review');
  const place = (label: string, where: { area: string | null }) => where.area && <Text size="sm">{label}: {where.area}</Text>;

  return (
    <Stack>
      <CaseHeader name={view.fullName} caseNumber={view.caseNumber} stage={m.childStage[view.stage as keyof typeof m.childStage] ?? view.stage} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={m.children.details}>
          <Text size="sm">{m.children.dateOfBirth}: {date(view.dateOfBirth)} · {m.children.age}: {t(m.children.ageYears, { n: view.age })}</Text>
          <Text size="sm">{m.children.sex}: {m.sex[view.sex as keyof typeof m.sex] ?? view.sex}</Text>
          <Text size="sm">{m.children.referralSource}: {m.referralSource[view.referralSource as keyof typeof m.referralSource]} · {date(view.referredOn)}</Text>
          {view.consentGivenBy && <Text size="sm">{m.children.consentBy}: {m.consentGiver[view.consentGivenBy as keyof typeof m.consentGiver]}{view.consentGivenOn && ` · ${date(view.consentGivenOn)}`}</Text>}
          <Text size="sm">{m.children.lookedAfterOn}: {date(view.lookedAfterOn)}</Text>
          <Text size="sm">{m.children.legalBasis}: {m.legalBasis[view.legalBasis as keyof typeof m.legalBasis] ?? view.legalBasis}</Text>
          <Text size="sm">{m.children.worker}: {view.socialWorkerName ?? m.common.nobody}</Text>
        </Section>
        <Section title={m.children.background}>
          {view.languages.length > 0 && <Text size="sm">{m.children.languages}: {view.languages.join(m.common.comma)}</Text>}
          {view.ethnicity && <Text size="sm">{m.children.ethnicity}: {view.ethnicity}</Text>}
          {view.religion && <Text size="sm">{m.children.religion}: {view.religion}</Text>}
          {view.culture && <Text size="sm">{m.children.culture}: {view.culture}</Text>}
          {place(m.children.schoolArea, view.school)}
          {place(m.children.familyArea, view.family)}
        </Section>
        <Section title={m.children.carePlan}>
          {view.placementTypeNeeded ? (
            <>
              <Text size="sm">{t(m.children.needsPlacement, { type: m.placementType[view.placementTypeNeeded as keyof typeof m.placementType] })}</Text>
              {view.untilEighteen && <Text size="sm">{m.children.untilEighteen}</Text>}
            </>
          ) : (
            <Text size="sm">{m.children.noPlan}</Text>
          )}
        </Section>
        <Section title={m.children.siblings}>
          {view.siblings.length === 0 ? (
            <Text size="sm">{m.children.noSiblings}</Text>
          ) : (
            <List size="sm">
              {view.siblings.map((sibling) => (
                <List.Item key={sibling.id}>
                  <Link to={`/children/${sibling.id}`}><CaseLabel number={sibling.caseNumber} name={sibling.fullName} /></Link> · {m.childStage[sibling.stage as keyof typeof m.childStage] ?? sibling.stage}
                </List.Item>
              ))}
            </List>
          )}
          {has('caseworker', 'team-manager') && view.stage !== 'closed' && <LinkSibling child={view} />}
        </Section>
      </SimpleGrid>
      <Section title={m.children.tasks}>
        <OpenTasks tasks={view.tasks} empty={m.household.noOpenTasks} />
      </Section>
      {view.stage === 'matching' && <Shortlist child={view} proposeTask={proposeTask} />}
      <Proposals child={view} />
      <Placements child={view} />
      <Reviews child={view} next={nextReview} />
      <Section title={m.children.timeline}>
        <Timeline entries={view.timeline} timeZone={view.timeZone} detail={(entry) => (entry.action === 'child.stage-changed' ? (m.childStage[entry.after?.stage as keyof typeof m.childStage] ?? null) : null)} />
      </Section>
    </Stack>
  );
}
