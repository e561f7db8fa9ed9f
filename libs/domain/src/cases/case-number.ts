import { CaseKind } from './case-ref';

/** The letter a case number starts with, per kind of case: `H-2026-0042` is a household. */
export const CASE_NUMBER_PREFIXES: Record<CaseKind, string> = { household: 'H' };

/** A case's human number: kind letter, year opened, then its place in that year (at least four digits). */
export function formatCaseNumber(kind: CaseKind, year: number, sequence: number): string {
  return `${CASE_NUMBER_PREFIXES[kind]}-${year}-${String(sequence).padStart(4, '0')}`;
}

export const CASE_NUMBER_PATTERN = /^[A-Z]-\d{4}-\d{4,}$/;
