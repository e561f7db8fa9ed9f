import { Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CHILD_SEXES, PLACEMENT_TYPES } from '@hearth/domain';
import type { RegisterEntryView } from '../api/types';
import { LoadMore, usePaged } from '../hooks/paged';
import { CaseLabel } from '../components/case-label';
import { ErrorNotice, Loading } from '../components/status';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES } from '../i18n/languages';
import { Link } from '../router';

/** Approved carer households with their terms and free places, filtered as matching needs. */
export default function RegisterPage() {
  const { m, t, date, number } = useI18n();
  const [placementType, setPlacementType] = useState<string | null>(null);
  const [sex, setSex] = useState<string | null>(null);
  const [age, setAge] = useState<number | ''>('');
  const [language, setLanguage] = useState<string | null>(null);
  const filters = { placementType, sex, age: age === '' ? undefined : age, language, limit: 50 };
  const register = usePaged<RegisterEntryView>(['register'], '/carers/register', filters, 'after');
  const rows = register.rows;

  return (
    <Stack>
      <Title order={2}>{m.register.title}</Title>
      <Group align="flex-end" gap="sm">
        <Select label={m.register.placementType} data={[{ value: '', label: m.common.all }, ...PLACEMENT_TYPES.map((each) => ({ value: each, label: m.placementType[each] }))]} value={placementType ?? ''} onChange={(value) => setPlacementType(value || null)} w={180} />
        <NumberInput label={m.register.age} min={0} max={17} value={age} onChange={(value) => setAge(typeof value === 'number' ? value : '')} w={120} />
        <Select label={m.register.sex} data={[{ value: '', label: m.common.all }, ...CHILD_SEXES.map((each) => ({ value: each, label: m.sex[each] }))]} value={sex ?? ''} onChange={(value) => setSex(value || null)} w={140} />
        <Select label={m.register.language} data={[{ value: '', label: m.common.all }, ...LANGUAGES.map((each) => ({ value: each.code, label: each.name }))]} value={language ?? ''} onChange={(value) => setLanguage(value || null)} w={160} />
      </Group>
      {register.isPending && <Loading />}
      {register.error && <ErrorNotice error={register.error} onRetry={() => void register.refetch()} />}
      {register.data && rows.length === 0 && <Text c="dimmed">{m.register.empty}</Text>}
      {rows.length > 0 && (
        <DataTable striped aria-label={m.register.title} headers={[m.register.household, m.register.placementType, m.register.ages, m.register.freePlaces, m.register.approved]}>
          {rows.map((entry) => (
            <Table.Tr key={entry.householdId}>
              <Table.Td><Link to={`/households/${entry.householdId}`}><CaseLabel number={entry.caseNumber} name={entry.displayName} /></Link>{entry.area ? ` · ${entry.area}` : ''}</Table.Td>
              <Table.Td>{entry.placementTypes.map((type) => m.placementType[type]).join(m.common.comma)}</Table.Td>
              <Table.Td>{t(m.household.ages, { min: number(entry.ageMin), max: number(entry.ageMax) })}</Table.Td>
              <Table.Td>{t(m.register.placesOf, { free: number(entry.freePlaces), max: number(entry.maxChildren) })}</Table.Td>
              <Table.Td>{date(entry.approvedDate)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore list={register} />
    </Stack>
  );
}
