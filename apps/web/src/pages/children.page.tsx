import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CHILD_STAGES } from '@hearth/domain';
import type { ChildListItemView } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { DataTable } from '../components/data-table';
import { ErrorNotice, Loading } from '../components/status';
import { LoadMore, usePaged } from '../hooks/paged';
import { useI18n } from '../i18n/i18n';
import { CaseFilters, CaseSearch } from '../components/case-search';
import { Link } from '../router';
import { ReferChild } from './refer-child';

/** Looked-after children the person may see, by name in any spelling or case number, and by stage. */
export default function ChildrenPage() {
  const { m, date } = useI18n();
  const { has } = useCurrentUser();
  const [referring, setReferring] = useState(false);
  const [filters, setFilters] = useState<CaseFilters>({ stage: null });
  const children = usePaged<ChildListItemView>(['children'], '/children', { ...filters, limit: 50 });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.children.title}</Title>
        {has('caseworker', 'team-manager') && <Button variant="default" onClick={() => setReferring((open) => !open)} aria-expanded={referring}>{m.children.refer}</Button>}
      </Group>
      {referring && <ReferChild />}
      <CaseSearch label={m.children.search} anyStage={m.children.anyStage} stages={CHILD_STAGES.map((each) => ({ value: each, label: m.childStage[each] }))} onSearch={setFilters} />
      {children.isPending && <Loading />}
      {children.error && <ErrorNotice error={children.error} onRetry={() => void children.refetch()} />}
      {children.data && children.rows.length === 0 && <Text c="dimmed">{m.children.empty}</Text>}
      {children.rows.length > 0 && (
        <DataTable striped highlightOnHover aria-label={m.children.title} headers={[m.common.case, m.common.name, m.children.dateOfBirth, m.households.stage, m.children.worker]}>
          {children.rows.map((child) => (
            <Table.Tr key={child.id}>
              <Table.Td dir="ltr" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }}>{child.caseNumber}</Table.Td>
              <Table.Td><Link to={`/children/${child.id}`}>{child.displayName}</Link></Table.Td>
              <Table.Td>{date(child.dateOfBirth)}</Table.Td>
              <Table.Td>{m.childStage[child.stage as keyof typeof m.childStage] ?? child.stage}</Table.Td>
              <Table.Td>{child.socialWorkerName ?? m.common.nobody}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore list={children} />
    </Stack>
  );
}
