import { Button, Card, Group, Select, SimpleGrid, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { CHILD_SEXES, CONSENT_GIVERS, consentNeeded, legalBasesOf, REFERRAL_SOURCES, ReferralSource } from '@hearth/domain';
import { api } from '../api/client';
import type { ChildView } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

const EMPTY = {
  fullName: '',
  dateOfBirth: '',
  sex: 'female',
  ethnicity: '',
  religion: '',
  culture: '',
  schoolArea: '',
  familyArea: '',
  referralSource: 'child-protection-mobile-team',
  referredOn: '',
  consentBy: 'parent',
  consentOn: '',
  lookedAfterOn: '',
  legalBasis: '',
};

/** A caseworker records a child's referral: who referred, with whose consent, on what legal basis, from when looked after. */
export function ReferChild() {
  const { m } = useI18n();
  const { me } = useCurrentUser();
  const bases = legalBasesOf(me?.jurisdiction ?? 'KRG');
  const [form, setForm] = useState({ ...EMPTY, legalBasis: bases[0] });
  const [languages, setLanguages] = useState<string[]>([]);
  const set = (name: keyof typeof form) => (value: string | null) => setForm((current) => ({ ...current, [name]: value ?? '' }));
  const refer = useStaffAction((body: object, key: string) => api<ChildView>('/children', { method: 'POST', body, idempotencyKey: key }), ['children', 'tasks'], (child) => navigate(`/children/${child.id}`));
  const needsConsent = consentNeeded(form.referralSource as ReferralSource);
  const text = (value: string) => value.trim() || undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate({
      fullName: form.fullName.trim(),
      dateOfBirth: form.dateOfBirth,
      sex: form.sex,
      languages,
      ethnicity: text(form.ethnicity),
      religion: text(form.religion),
      culture: text(form.culture),
      school: form.schoolArea.trim() ? { area: form.schoolArea.trim() } : undefined,
      family: form.familyArea.trim() ? { area: form.familyArea.trim() } : undefined,
      referralSource: form.referralSource,
      referredOn: form.referredOn,
      consent: needsConsent ? { givenBy: form.consentBy, givenOn: form.consentOn } : undefined,
      lookedAfterOn: form.lookedAfterOn,
      legalBasis: form.legalBasis,
    });
  };
  const field = (name: string) => refer.fieldError(name);
  return (
    <Card withBorder component="section" aria-labelledby="refer-child">
      <Title order={3} size="h5" id="refer-child">{m.children.refer}</Title>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
          <TextInput label={m.children.fullName} required value={form.fullName} onChange={(event) => set('fullName')(event.currentTarget.value)} error={field('fullName')} />
          <TextInput type="date" label={m.children.dateOfBirth} required value={form.dateOfBirth} onChange={(event) => set('dateOfBirth')(event.currentTarget.value)} error={field('dateOfBirth')} />
          <Select label={m.children.sex} data={CHILD_SEXES.map((each) => ({ value: each, label: m.sex[each] }))} value={form.sex} onChange={set('sex')} allowDeselect={false} />
          <TagsInput label={m.children.languages} description={m.children.languagesHelp} value={languages} onChange={setLanguages} error={field('languages')} />
          <TextInput label={m.children.ethnicity} value={form.ethnicity} onChange={(event) => set('ethnicity')(event.currentTarget.value)} />
          <TextInput label={m.children.religion} value={form.religion} onChange={(event) => set('religion')(event.currentTarget.value)} />
          <TextInput label={m.children.culture} value={form.culture} onChange={(event) => set('culture')(event.currentTarget.value)} />
          <TextInput label={m.children.schoolArea} value={form.schoolArea} onChange={(event) => set('schoolArea')(event.currentTarget.value)} />
          <TextInput label={m.children.familyArea} value={form.familyArea} onChange={(event) => set('familyArea')(event.currentTarget.value)} />
          <Select label={m.children.referralSource} data={REFERRAL_SOURCES.map((each) => ({ value: each, label: m.referralSource[each] }))} value={form.referralSource} onChange={set('referralSource')} allowDeselect={false} />
          <TextInput type="date" label={m.children.referredOn} required value={form.referredOn} onChange={(event) => set('referredOn')(event.currentTarget.value)} error={field('referredOn')} />
          <TextInput type="date" label={m.children.lookedAfterOn} description={m.children.lookedAfterHelp} required value={form.lookedAfterOn} onChange={(event) => set('lookedAfterOn')(event.currentTarget.value)} error={field('lookedAfterOn')} />
          <Select label={m.children.legalBasis} data={bases.map((each) => ({ value: each, label: m.legalBasis[each] }))} value={form.legalBasis} onChange={set('legalBasis')} allowDeselect={false} error={field('legalBasis')} />
          {needsConsent && (
            <>
              <Select label={m.children.consentBy} data={CONSENT_GIVERS.map((each) => ({ value: each, label: m.consentGiver[each] }))} value={form.consentBy} onChange={set('consentBy')} allowDeselect={false} error={field('consent')} />
              <TextInput type="date" label={m.children.consentOn} required value={form.consentOn} onChange={(event) => set('consentOn')(event.currentTarget.value)} error={field('consent.givenOn')} />
            </>
          )}
        </SimpleGrid>
        {needsConsent && <Text size="sm" c="dimmed" mt="xs">{m.children.consentNeeded}</Text>}
        <Group mt="sm">
          <Button type="submit" loading={refer.isPending} disabled={!form.fullName.trim() || !form.dateOfBirth || !form.referredOn || !form.lookedAfterOn}>{m.children.referSubmit}</Button>
        </Group>
        <ActionError error={refer.error} />
      </form>
    </Card>
  );
}
