import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { HOUSEHOLD_STAGES } from '@hearth/domain';
import type { HouseholdListItemView } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { ErrorNotice, Loading } from '../components/status';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { CaseFilters, CaseSearch } from '../components/case-search';
import { Link } from '../router';
import { useCurrentUser } from '../auth/current-user';
import { RecordEnquiry } from './record-enquiry';

/** Households by name in any spelling, or by case number, and by stage. */
export default function HouseholdsPage() {
  const { m, date } = useI18n();
  const { has } = useCurrentUser();
  const [recording, setRecording] = useState(false);
  const [filters, setFilters] = useState<CaseFilters>({ stage: null });
  const households = usePaged<HouseholdListItemView>(['households'], '/households', { ...filters, limit: 50 });
  const rows = households.rows;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.households.title}</Title>
        {has('caseworker', 'team-manager') && <Button variant="default" onClick={() => setRecording((open) => !open)} aria-expanded={recording}>{m.enquiry.title}</Button>}
      </Group>
      {recording && <RecordEnquiry />}
      <CaseSearch label={m.households.search} anyStage={m.households.anyStage} stages={HOUSEHOLD_STAGES.map((each) => ({ value: each, label: m.stage[each] }))} onSearch={setFilters} />
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
