import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { FINAL_HOUSEHOLD_STAGES, HouseholdStage } from '@hearth/domain';
import { api, withQuery } from '../api/client';
import type { HouseholdView, PanelCalendarView, StaffPage } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { todayIn } from '../i18n/dates';
import { useI18n } from '../i18n/i18n';

function ActionCard({ title, children }: { title: string; children: ReactNode }) {
  const id = `action-${title.replace(/\s+/g, '-')}`;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>{title}</Title>
      {children}
    </Card>
  );
}

function AddMember({ household }: { household: HouseholdView }) {
  const { m } = useI18n();
  const empty = { kind: 'adult', fullName: '', dateOfBirth: '', relationship: '' };
  const [form, setForm] = useState(empty);
  const add = useStaffAction(
    (body: Record<string, string>, key: string) => api(`/households/${household.id}/members`, { method: 'POST', body, idempotencyKey: key }),
    ['household', 'tasks'],
    () => setForm(empty),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(Object.fromEntries(Object.entries(form).map(([name, value]) => [name, value.trim()]).filter(([, value]) => value !== '')));
  };
  return (
    <ActionCard title={m.actions.addMember}>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          <Select label={m.actions.kind} data={[{ value: 'adult', label: m.household.adult }, { value: 'child', label: m.household.child }]} value={form.kind} onChange={(kind) => kind && setForm({ ...form, kind })} allowDeselect={false} />
          <TextInput label={m.common.name} required value={form.fullName} onChange={(event) => setForm({ ...form, fullName: event.currentTarget.value })} error={add.fieldError('fullName')} />
          <TextInput type="date" label={m.actions.dateOfBirth} value={form.dateOfBirth} onChange={(event) => setForm({ ...form, dateOfBirth: event.currentTarget.value })} error={add.fieldError('dateOfBirth')} />
          <TextInput label={m.actions.relationship} required value={form.relationship} onChange={(event) => setForm({ ...form, relationship: event.currentTarget.value })} error={add.fieldError('relationship')} />
        </SimpleGrid>
        <Button type="submit" mt="sm" loading={add.isPending} disabled={!form.fullName.trim() || !form.relationship.trim()}>{m.actions.addMember}</Button>
        <ActionError error={add.error} />
      </form>
    </ActionCard>
  );
}

function SupervisingWorker({ household }: { household: HouseholdView }) {
  const { m } = useI18n();
  const [workerId, setWorkerId] = useState<string | null>(null);
  const workers = useQuery({ queryKey: ['staff', household.teamId, 'caseworker'], queryFn: () => api<StaffPage>(withQuery('/staff', { teamId: household.teamId, role: 'caseworker' })), enabled: household.teamId !== null });
  const change = useStaffAction((id: string, key: string) => api(`/households/${household.id}/supervising-worker`, { method: 'PUT', body: { workerId: id }, idempotencyKey: key }), ['household', 'tasks']);
  return (
    <ActionCard title={m.actions.changeWorker}>
      <Group align="flex-end" mt="xs">
        <Select label={m.households.worker} data={(workers.data?.items ?? []).filter((each) => each.id !== household.supervisingWorkerId).map((each) => ({ value: each.id, label: each.displayName }))} value={workerId} onChange={setWorkerId} w={260} searchable />
        <Button disabled={!workerId} loading={change.isPending} onClick={() => workerId && change.mutate(workerId)}>{m.actions.changeWorker}</Button>
      </Group>
      <ActionError error={change.error} />
    </ActionCard>
  );
}

function BookPanel({ household }: { household: HouseholdView }) {
  const { m, dateTime } = useI18n();
  const [panelId, setPanelId] = useState<string | null>(null);
  const from = todayIn(household.timeZone);
  const panels = useQuery({ queryKey: ['panels', from, 'booking'], queryFn: () => api<PanelCalendarView>(withQuery('/panels', { from: `${from}T00:00:00Z`, to: new Date(Date.now() + 180 * 86_400_000).toISOString() })) });
  const book = useStaffAction((id: string, key: string) => api(`/panels/${id}/cases`, { method: 'POST', body: { householdId: household.id }, idempotencyKey: key }), ['household', 'panels', 'tasks']);
  return (
    <ActionCard title={m.actions.bookPanel}>
      <Group align="flex-end" mt="xs">
        <Select label={m.panels.sitting} data={(panels.data?.items ?? []).map((panel) => ({ value: panel.id, label: `${dateTime(panel.sittingLocal)} · ${panel.chairName}` }))} value={panelId} onChange={setPanelId} w={320} />
        <Button disabled={!panelId} loading={book.isPending} onClick={() => panelId && book.mutate(panelId)}>{m.actions.bookPanel}</Button>
      </Group>
      <ActionError error={book.error} />
    </ActionCard>
  );
}

function CloseCase({ household, kind }: { household: HouseholdView; kind: 'withdraw' | 'end-assessment' }) {
  const { m } = useI18n();
  const [reason, setReason] = useState('');
  const close = useStaffAction((why: string, key: string) => api(`/households/${household.id}/${kind}`, { method: 'POST', body: { reason: why }, idempotencyKey: key }), ['household', 'tasks', 'households']);
  const title = kind === 'withdraw' ? m.actions.withdraw : m.actions.endAssessment;
  return (
    <ActionCard title={title}>
      <Textarea label={m.common.reasons} required mt="xs" autosize minRows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={close.fieldError('reason')} />
      <Button mt="sm" color="red.9" disabled={!reason.trim()} loading={close.isPending} onClick={() => close.mutate(reason.trim())}>{title}</Button>
      <ActionError error={close.error} />
    </ActionCard>
  );
}

function ResumeApplication({ household }: { household: HouseholdView }) {
  const { m } = useI18n();
  const resume = useStaffAction((_: void, key: string) => api(`/households/${household.id}/application`, { method: 'POST', idempotencyKey: key }), ['household', 'tasks']);
  return (
    <ActionCard title={m.actions.resumeApplication}>
      <Button mt="xs" loading={resume.isPending} onClick={() => resume.mutate()}>{m.actions.resumeApplication}</Button>
      <ActionError error={resume.error} />
    </ActionCard>
  );
}

/** What the caseworker and the team manager can do to the case from its page, by role and stage. */
/** Where the household lives and the carers' background: what a child's matching weighs besides the approval terms. */
function MatchingDetails({ household }: { household: HouseholdView }) {
  const { m } = useI18n();
  const [area, setArea] = useState(household.area ?? '');
  const [latitude, setLatitude] = useState<number | ''>(household.latitude ?? '');
  const [longitude, setLongitude] = useState<number | ''>(household.longitude ?? '');
  const [ethnicities, setEthnicities] = useState<string[]>(household.ethnicities);
  const [religions, setReligions] = useState<string[]>(household.religions);
  const [cultures, setCultures] = useState<string[]>(household.cultures);
  const save = useStaffAction((body: object) => api(`/households/${household.id}/background`, { method: 'PUT', body }), ['household']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const located = latitude !== '' || longitude !== '';
    save.mutate({ area: area.trim() || null, ...(located ? { latitude: latitude === '' ? null : latitude, longitude: longitude === '' ? null : longitude } : {}), ethnicities, religions, cultures });
  };
  return (
    <ActionCard title={m.children.matchingDetails}>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          <TextInput label={m.households.area} value={area} onChange={(event) => setArea(event.currentTarget.value)} error={save.fieldError('area')} />
          <NumberInput label={m.children.latitude} value={latitude} onChange={(value) => setLatitude(typeof value === 'number' ? value : '')} decimalScale={5} min={-90} max={90} error={save.fieldError('latitude')} />
          <NumberInput label={m.children.longitude} value={longitude} onChange={(value) => setLongitude(typeof value === 'number' ? value : '')} decimalScale={5} min={-180} max={180} error={save.fieldError('longitude')} />
          <TagsInput label={m.children.ethnicities} description={m.children.listHelp} value={ethnicities} onChange={setEthnicities} error={save.fieldError('ethnicities')} />
          <TagsInput label={m.children.religions} description={m.children.listHelp} value={religions} onChange={setReligions} error={save.fieldError('religions')} />
          <TagsInput label={m.children.cultures} description={m.children.listHelp} value={cultures} onChange={setCultures} error={save.fieldError('cultures')} />
        </SimpleGrid>
        <Button type="submit" mt="sm" loading={save.isPending}>{m.common.save}</Button>
        {save.isSuccess && <Text size="sm" role="status" mt="xs">{m.common.saved}</Text>}
        <ActionError error={save.error} />
      </form>
    </ActionCard>
  );
}

export function HouseholdActions({ household }: { household: HouseholdView }) {
  const { has } = useCurrentUser();
  const stage = household.stage as HouseholdStage;
  const worker = has('caseworker', 'team-manager');
  const manager = has('team-manager');
  const ended = FINAL_HOUSEHOLD_STAGES.includes(stage) && stage !== 'approved' && stage !== 'awaiting-application';
  if (ended || !worker) return null;
  return (
    <Stack>
      {stage === 'awaiting-application' && <ResumeApplication household={household} />}
      <AddMember household={household} />
      <MatchingDetails household={household} />
      {manager && <SupervisingWorker household={household} />}
      {manager && stage === 'panel' && <BookPanel household={household} />}
      {stage !== 'approved' && <CloseCase household={household} kind="withdraw" />}
      {manager && stage !== 'approved' && <CloseCase household={household} kind="end-assessment" />}
    </Stack>
  );
}
