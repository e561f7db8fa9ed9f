/** The kinds of case Hearth runs, one long-lived workflow each. */
export const CASE_KINDS = ['household', 'child'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A case's reference, `{kind}:{id}`: its workflow id and the key its tasks, alerts and audit rows carry. Ids only, never a name. */
export type CaseRef = `${CaseKind}:${string}`;

/** The one place a case reference is spelt. */
export function caseRef(kind: CaseKind, id: string): CaseRef {
  return `${kind}:${id}`;
}

/** The kind and id of a case reference, or null when it is not one. */
export function parseCaseRef(ref: string): { kind: CaseKind; id: string } | null {
  const colon = ref.indexOf(':');
  const kind = ref.slice(0, colon) as CaseKind;
  const id = ref.slice(colon + 1);
  return colon > 0 && CASE_KINDS.includes(kind) && id.length > 0 ? { kind, id } : null;
}
