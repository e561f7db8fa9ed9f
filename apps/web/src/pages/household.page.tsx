import { Badge, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { OUTCOME_LABELS, TaskOutcome } from '@hearth/domain';
import { api } from '../api/client';
import type { DecisionView, HouseholdView } from '../api/types';
import { ErrorNotice, Loading } from '../components/status';
import { CaseHeader, OpenTasks, Section, Timeline } from '../components/case-page';
import { CaseLabel } from '../components/case-label';
import { Link } from '../router';
import { subjectLabel } from '../components/subject';
import { formKeyOf, useTaskTitle } from '../hooks/forms';
import { localDateTimeIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';
import { HouseholdActions } from './household-actions';

function Terms({ terms }: { terms: Record<string, unknown> }) {
  const { m, t, number } = useI18n();
  const list = (value: unknown) => (Array.isArray(value) ? value : []) as string[];
  return (
    <List size="sm">
      {typeof terms.maxChildren === 'number' && <List.Item>{t(m.household.places, { n: number(terms.maxChildren) })}</List.Item>}
      {typeof terms.ageMin === 'number' && <List.Item>{t(m.household.ages, { min: number(terms.ageMin), max: number(Number(terms.ageMax)) })}</List.Item>}
      {list(terms.sexes).length > 0 && <List.Item>{list(terms.sexes).map((sex) => m.sex[sex as keyof typeof m.sex] ?? sex).join(m.common.comma)}</List.Item>}
      {list(terms.placementTypes).length > 0 && <List.Item>{list(terms.placementTypes).map((type) => m.placementType[type as keyof typeof m.placementType] ?? type).join(m.common.comma)}</List.Item>}
      {list(terms.languages).length > 0 && <List.Item>{list(terms.languages).join(m.common.comma)}</List.Item>}
    </List>
  );
}

function Decision({ decision, timeZone, outcomeLabel }: { decision: DecisionView; timeZone: string; outcomeLabel: string }) {
  const { m, t, dateTime } = useI18n();
  return (
    <Stack gap={4}>
      <Text fw={600}>{outcomeLabel}</Text>
      {decision.reasons && <Text size="sm"><b>{m.common.reasons}:</b> {decision.reasons}</Text>}
      {decision.terms && <Terms terms={decision.terms} />}
      {decision.departureReason && <Text size="sm"><b>{m.household.departureReason}:</b> {decision.departureReason}</Text>}
      <Text size="xs" c="dimmed">{t(m.household.recordedBy, { name: decision.recordedByName ?? '', date: dateTime(localDateTimeIn(decision.recordedAt, timeZone)) })}</Text>
    </Stack>
  );
}

export default function HouseholdPage({ id }: { id: string }) {
  const { m, t, date, dateTime, preferences } = useI18n();
  const title = useTaskTitle();
  const household = useQuery({ queryKey: ['household', id], queryFn: () => api<HouseholdView>(`/households/${id}`) });
  if (household.isPending) return <Loading />;
  if (household.error) return <ErrorNotice error={household.error} onRetry={() => void household.refetch()} />;
  const view = household.data;
  const local = (instant: string) => dateTime(localDateTimeIn(instant, view.timeZone));
  const outcome = (value: string) => OUTCOME_LABELS[value as TaskOutcome]?.[preferences.language] ?? value;

  return (
    <Stack>
      <CaseHeader name={view.displayName} caseNumber={view.caseNumber} stage={m.stage[view.stage as keyof typeof m.stage] ?? view.stage} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={m.household.contact}>
          <Text size="sm">{view.primaryContactName}</Text>
          {view.phone && <Text size="sm">{m.household.phone}: <span dir="ltr">{view.phone}</span></Text>}
          {view.area && <Text size="sm">{m.households.area}: {view.area}</Text>}
          <Text size="sm">{m.households.team}: {view.teamName ?? ''}</Text>
          <Text size="sm">{m.households.worker}: {view.supervisingWorkerName ?? m.common.nobody}</Text>
        </Section>
        <Section title={m.household.members}>
          <List size="sm">
            {view.members.map((member) => (
              <List.Item key={member.id}>
                {member.fullName} — {member.kind === 'adult' ? m.household.adult : m.household.child}{member.relationship && `${m.common.comma}${member.relationship === 'applicant' ? m.household.applicant : member.relationship}`}
                {member.dateOfBirth && <> ({t(m.household.born, { date: date(member.dateOfBirth) })})</>}
              </List.Item>
            ))}
          </List>
        </Section>
      </SimpleGrid>
      {view.placements.length > 0 && (
        <Section title={m.children.placedHere}>
          <List size="sm">
            {view.placements.map((placement) => (
              <List.Item key={placement.placementId}>
                <Link to={`/children/${placement.childId}`}><CaseLabel number={placement.caseNumber} name={placement.childName} /></Link>
                {' — '}{m.placementType[placement.placementType as keyof typeof m.placementType] ?? placement.placementType}{m.common.comma}{t(m.children.started, { date: date(placement.startedOn) })}
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      <Section title={m.household.openTasks}>
        <OpenTasks tasks={view.tasks} empty={m.household.noOpenTasks} />
      </Section>
      {view.checks.length > 0 && (
        <Section title={m.household.checks}>
          <List size="sm">
            {view.checks.map((check) => (
              <List.Item key={check.taskId}>
                <b>{title({ formKey: formKeyOf(check.type), title: check.title })}</b>
                {check.subject && <> · {subjectLabel(check.subject, m, t)}</>}: {check.foundConcerns ? <Text span c="red.9" fw={600}>{m.household.concerns}</Text> : m.household.noConcerns}
                {check.concerns && <Text size="sm">{check.concerns}</Text>}
              </List.Item>
            ))}
          </List>
        </Section>
      )}
      {(view.recommendation || view.decision) && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {view.recommendation && <Section title={m.household.recommendation}><Decision decision={view.recommendation} timeZone={view.timeZone} outcomeLabel={outcome(view.recommendation.outcome)} /></Section>}
          {view.decision && (
            <Section title={m.household.decision}>
              <Decision decision={view.decision} timeZone={view.timeZone} outcomeLabel={outcome(view.decision.outcome)} />
              {view.decisionDepartsFromRecommendation && <Badge color="orange.9" mt="xs">{m.household.departs}</Badge>}
            </Section>
          )}
        </SimpleGrid>
      )}
      {view.exit && (
        <Section title={m.household.exit}>
          <Text size="sm">{m.stage[view.exit.kind as keyof typeof m.stage] ?? view.exit.kind}: {view.exit.reason}</Text>
          <Text size="xs" c="dimmed">{t(m.household.recordedBy, { name: view.exit.recordedByName ?? '', date: local(view.exit.recordedAt) })}</Text>
        </Section>
      )}
      <HouseholdActions household={view} />
      <Section title={m.household.timeline}>
        <Timeline entries={view.timeline} timeZone={view.timeZone} detail={(entry) => (entry.action === 'household.stage-changed' ? (m.stage[entry.after?.stage as keyof typeof m.stage] ?? null) : null)} />
      </Section>
    </Stack>
  );
}
