import { Button, Card, Group, MultiSelect, Select, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, withQuery } from '../api/client';
import type { PanelView, StaffPage } from '../api/types';
import { ActionError } from '../components/action-error';
import { useStaffAction } from '../hooks/staff-action';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

const useStaffWithRole = (role: string) => useQuery({ queryKey: ['staff', 'role', role], queryFn: () => api<StaffPage>(withQuery('/staff', { role })) });

/** A team manager arranges a panel sitting: when (on the jurisdiction's clock), its chair and members. */
export function ArrangeSitting() {
  const { m } = useI18n();
  const chairs = useStaffWithRole('panel-chair');
  const members = useStaffWithRole('panel-member');
  const [sittingAt, setSittingAt] = useState('');
  const [chairId, setChairId] = useState<string | null>(null);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const arrange = useStaffAction(
    (body: object, key: string) => api<PanelView>('/panels', { method: 'POST', body, idempotencyKey: key }),
    ['panels'],
    (panel) => navigate(`/panels/${panel.id}`),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A time without an offset: the API reads it on the jurisdiction's clock.
    arrange.mutate({ sittingAt: `${sittingAt}:00`, chairId, memberIds });
  };
  const options = (page: StaffPage | undefined) => (page?.items ?? []).map((each) => ({ value: each.id, label: each.displayName }));
  return (
    <Card withBorder component="section" aria-labelledby="arrange-sitting">
      <Title order={3} size="h5" id="arrange-sitting">{m.panels.arrange}</Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" mt="xs">
          <TextInput type="datetime-local" label={m.panels.sitting} required value={sittingAt} onChange={(event) => setSittingAt(event.currentTarget.value)} error={arrange.fieldError('sittingAt')} />
          <Select label={m.panels.chair} required data={options(chairs.data)} value={chairId} onChange={setChairId} searchable error={arrange.fieldError('chairId')} w={220} />
          <MultiSelect label={m.panels.members} required data={options(members.data).filter((each) => each.value !== chairId)} value={memberIds} onChange={setMemberIds} searchable error={arrange.fieldError('memberIds')} w={320} />
        </Group>
        <Button type="submit" mt="sm" loading={arrange.isPending} disabled={!sittingAt || !chairId || memberIds.length === 0}>{m.panels.arrange}</Button>
        <ActionError error={arrange.error} />
      </form>
    </Card>
  );
}
