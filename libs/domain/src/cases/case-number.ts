import { CaseKind } from './case-ref';

/** The letter a case number starts with, per kind of case: `H-2026-0042` is a household. */
export const CASE_NUMBER_PREFIXES: Record<CaseKind, string> = { household: 'H', child: 'C' };

/** A case's human number: kind letter, year opened, then its place in that year (at least four digits). */
export function formatCaseNumber(kind: CaseKind, year: number, sequence: number): string {
  return `${CASE_NUMBER_PREFIXES[kind]}-${year}-${String(sequence).padStart(4, '0')}`;
}

export const CASE_NUMBER_PATTERN = /^[A-Z]-\d{4}-\d{4,}$/;

/** A case number as staff type it: any case, Arabic-Indic or Persian digits, spaces around. */
export function normalizeCaseNumber(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}
