import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber } from '@hearth/domain';
import type { ChildListItemView } from '../api/types';
import { useCurrentUser } from '../auth/current-user';
import { DataTable } from '../components/data-table';
import { ErrorNotice, Loading } from '../components/status';
import { LoadMore, usePaged } from '../hooks/paged';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { ReferChild } from './refer-child';

const CHILD_STAGES = ['care-plan', 'matching', 'placed', 'closed'] as const;

/** Looked-after children the person may see, by name in any spelling or case number, and by stage. */
export default function ChildrenPage() {
  const { m, date } = useI18n();
  const { has } = useCurrentUser();
  const [referring, setReferring] = useState(false);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const number = normalizeCaseNumber(search);
  const filters = { ...(CASE_NUMBER_PATTERN.test(number) ? { caseNumber: number } : { name: search.trim() }), stage, limit: 50 };
  const children = usePaged<ChildListItemView>(['children'], '/children', filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(typed);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.children.title}</Title>
        {has('caseworker', 'team-manager') && <Button variant="default" onClick={() => setReferring((open) => !open)} aria-expanded={referring}>{m.children.refer}</Button>}
      </Group>
      {referring && <ReferChild />}
      <form onSubmit={submit} role="search">
        <Group align="flex-end" gap="sm">
          <TextInput label={m.children.search} description={m.households.searchHelp} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} name="q" w={300} />
          <Select label={m.households.stage} data={[{ value: '', label: m.children.anyStage }, ...CHILD_STAGES.map((each) => ({ value: each, label: m.childStage[each] }))]} value={stage ?? ''} onChange={(value) => setStage(value || null)} w={200} />
          <Button type="submit">{m.common.search}</Button>
        </Group>
      </form>
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
