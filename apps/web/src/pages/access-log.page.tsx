import { Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { PersonalDataReadView } from '../api/types';
import { ErrorNotice, Loading } from '../components/status';
import { LoadMore, usePaged } from '../hooks/paged';
import { localDateTimeIn } from '../i18n/dates';
import { DataTable } from '../components/data-table';
import { useI18n } from '../i18n/i18n';

const myTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An admin's view of who read which case's personal data, when, and through which page. */
export default function AccessLogPage() {
  const { m, dateTime } = useI18n();
  const [caseRef, setCaseRef] = useState('');
  const reads = usePaged<PersonalDataReadView>(['personal-data-reads'], '/personal-data-reads', { caseRef: caseRef.trim() || undefined });
  return (
    <Stack>
      <Title order={2}>{m.nav.accessLog}</Title>
      <TextInput label={m.accessLog.case} description="household:…" dir="ltr" value={caseRef} onChange={(event) => setCaseRef(event.currentTarget.value)} w={360} />
      {reads.isPending && <Loading />}
      {reads.error && <ErrorNotice error={reads.error} />}
      {reads.data && reads.rows.length === 0 && <Text c="dimmed">{m.common.none}</Text>}
      {reads.rows.length > 0 && (
        <DataTable striped aria-label={m.nav.accessLog} headers={[m.accessLog.when, m.accessLog.reader, m.common.case, m.accessLog.fields, m.accessLog.route]}>
          {reads.rows.map((read) => (
            <Table.Tr key={read.id}>
              <Table.Td>{dateTime(localDateTimeIn(read.readAt, myTimeZone))}</Table.Td>
              <Table.Td>{read.readerName ?? read.readerId}</Table.Td>
              <Table.Td dir="ltr">{read.caseNumber ?? read.caseRef}</Table.Td>
              <Table.Td dir="ltr">{read.fields.join(', ')}</Table.Td>
              <Table.Td dir="ltr">{read.route}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <LoadMore list={reads} />
    </Stack>
  );
}
