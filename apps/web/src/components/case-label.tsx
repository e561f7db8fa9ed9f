import { Text } from '@mantine/core';

/** "H-2026-0042 · Shilan Ahmed": the case number stays in Latin letters, as staff quote and type it. */
export function CaseLabel({ number, name }: { number: string | null; name: string | null }) {
  return (
    <span>
      <Text span fw={600} dir="ltr" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }}>{number ?? '—'}</Text>
      {name && <Text span> · {name}</Text>}
    </span>
  );
}
