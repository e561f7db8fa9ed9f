import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { CASE_NUMBER_PATTERN, HOUSEHOLD_STAGES, normalizeCaseNumber } from '@hearth/domain';
import type { HouseholdListItemView } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { ErrorNotice, Loading } from '../components/status';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useCurrentUser } from '../auth/current-user';
import { RecordEnquiry } from './record-enquiry';

/** Households by name in any spelling, or by case number, and by stage. */
export default function HouseholdsPage() {
  const { m, date } = useI18n();
  const { has } = useCurrentUser();
  const [recording, setRecording] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const number = normalizeCaseNumber(search);
  const filters = { ...(CASE_NUMBER_PATTERN.test(number) ? { caseNumber: number } : { name: search.trim() }), stage, limit: 50 };
  const households = usePaged<HouseholdListItemView>(['households'], '/households', filters);
  const rows = households.rows;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(typed);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.households.title}</Title>
        {has('caseworker', 'team-manager') && <Button variant="default" onClick={() => setRecording((open) => !open)} aria-expanded={recording}>{m.enquiry.title}</Button>}
      </Group>
      {recording && <RecordEnquiry />}
      <form onSubmit={submit} role="search">
        <Group align="flex-end" gap="sm">
          <TextInput label={m.households.search} description={m.households.searchHelp} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} name="q" w={300} />
          <Select
            label={m.households.stage}
            data={[{ value: '', label: m.households.anyStage }, ...HOUSEHOLD_STAGES.map((each) => ({ value: each, label: m.stage[each] }))]}
            value={stage ?? ''}
            onChange={(value) => setStage(value || null)}
            w={200}
          />
          <Button type="submit">{m.common.search}</Button>
        </Group>
      </form>
      {households.isPending && <Loading />}
      {households.error && <ErrorNotice error={households.error} onRetry={() => void households.refetch()} />}
      {households.data && rows.length === 0 && <Text c="dimmed">{m.households.empty}</Text>}
      {rows.length > 0 && (
        <DataTable striped highlightOnHover aria-label={m.households.title} headers={[m.common.case, m.common.family, m.households.stage, m.households.worker, m.households.area, m.households.opened]}>
          {rows.map((household) => (
            <Table.Tr key={household.id}>
              <Table.Td dir="ltr" style={{ unicodeBidi: 'isolate' }}>{household.caseNumber}</Table.Td>
              <Table.Td><Link to={`/households/${household.id}`}>{household.displayName}</Link></Table.Td>
              <Table.Td>{m.stage[household.stage as keyof typeof m.stage] ?? household.stage}</Table.Td>
              <Table.Td>{household.supervisingWorkerName ?? m.common.nobody}</Table.Td>
              <Table.Td>{household.area ?? ''}</Table.Td>
              <Table.Td>{date(household.openedDate)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore list={households} />
    </Stack>
  );
}
