import { Button, Card, Group, Select, SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { api } from '../api/client';
import type { HouseholdView } from '../api/types';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/languages';
import { navigate } from '../router';

/** A caseworker takes down a family's first contact about fostering; the case opens with a number. */
export function RecordEnquiry() {
  const { m } = useI18n();
  const [form, setForm] = useState({ primaryContactName: '', phone: '', email: '', area: '', preferredLanguage: 'ckb', enquirySource: '', notes: '' });
  const set = (name: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [name]: value }));
  const record = useStaffAction(
    (body: Record<string, string>, key: string) => api<HouseholdView>('/households', { method: 'POST', body, idempotencyKey: key }),
    ['households', 'tasks'],
    (household) => navigate(`/households/${household.id}`),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Fields left empty are not sent: the API knows them as absent, not as blank.
    record.mutate(Object.fromEntries(Object.entries(form).map(([name, value]) => [name, value.trim()]).filter(([, value]) => value !== '')));
  };
  return (
    <Card withBorder component="section" aria-labelledby="record-enquiry">
      <Title order={3} size="h5" id="record-enquiry">{m.enquiry.title}</Title>
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          <TextInput label={m.enquiry.name} required value={form.primaryContactName} onChange={(event) => set('primaryContactName')(event.currentTarget.value)} error={record.fieldError('primaryContactName')} />
          <TextInput label={m.enquiry.phone} dir="ltr" value={form.phone} onChange={(event) => set('phone')(event.currentTarget.value)} error={record.fieldError('phone')} />
          <TextInput label={m.enquiry.email} dir="ltr" type="email" value={form.email} onChange={(event) => set('email')(event.currentTarget.value)} error={record.fieldError('email')} />
          <TextInput label={m.households.area} value={form.area} onChange={(event) => set('area')(event.currentTarget.value)} error={record.fieldError('area')} />
          <Select label={m.enquiry.language} data={LANGUAGES.map((each) => ({ value: each.code, label: each.name }))} value={form.preferredLanguage} onChange={(value) => value && set('preferredLanguage')(value)} allowDeselect={false} />
          <TextInput label={m.enquiry.source} value={form.enquirySource} onChange={(event) => set('enquirySource')(event.currentTarget.value)} error={record.fieldError('enquirySource')} />
        </SimpleGrid>
        <Textarea label={m.common.notes} mt="sm" autosize minRows={2} maxLength={4000} value={form.notes} onChange={(event) => set('notes')(event.currentTarget.value)} error={record.fieldError('notes')} />
        <Group mt="sm">
          <Button type="submit" loading={record.isPending} disabled={!form.primaryContactName.trim()}>{m.enquiry.submit}</Button>
        </Group>
        <ActionError error={record.error} />
      </form>
    </Card>
  );
}
