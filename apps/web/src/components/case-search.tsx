import { Button, Group, Select, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber } from '@hearth/domain';
import { useI18n } from '../i18n/i18n';

export interface CaseFilters {
  name?: string;
  caseNumber?: string;
  stage: string | null;
}

/** Search cases by name in any spelling, or by case number (Arabic-Indic digits too), and by stage. */
export function CaseSearch({ label, anyStage, stages, onSearch }: { label: string; anyStage: string; stages: { value: string; label: string }[]; onSearch(filters: CaseFilters): void }) {
  const { m } = useI18n();
  const [typed, setTyped] = useState('');
  const [stage, setStage] = useState<string | null>(null);
  const filtersOf = (text: string, chosen: string | null): CaseFilters => {
    const number = normalizeCaseNumber(text);
    return { ...(CASE_NUMBER_PATTERN.test(number) ? { caseNumber: number } : { name: text.trim() }), stage: chosen };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filtersOf(typed, stage));
  };
  return (
    <form onSubmit={submit} role="search">
      <Group align="flex-end" gap="sm">
        <TextInput label={label} description={m.households.searchHelp} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} name="q" w={300} />
        <Select
          label={m.households.stage}
          data={[{ value: '', label: anyStage }, ...stages]}
          value={stage ?? ''}
          onChange={(value) => {
            setStage(value || null);
            onSearch(filtersOf(typed, value || null));
          }}
          w={200}
        />
        <Button type="submit">{m.common.search}</Button>
      </Group>
    </form>
  );
}
