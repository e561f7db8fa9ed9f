import { DomainError } from '@hearth/domain';

/** A keyset position (the sort key of the last row shown), opaque to clients: every paged list uses this one shape. */
export function encodeCursor(parts: readonly (string | Date)[]): string {
  return Buffer.from(JSON.stringify(parts.map((part) => (part instanceof Date ? part.toISOString() : part)))).toString('base64url');
}

/** The parts of a cursor this API gave out, checked against the expected count; a 400 otherwise. */
export function decodeCursor(value: string, count: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === count && parts.every((part) => typeof part === 'string' && part.length <= 400)) return parts as string[];
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('invalid-input', 'cursor is not one this API gave out');
}

export function cursorDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DomainError('invalid-input', 'cursor is not one this API gave out');
  return date;
}

/** One more row than the page was asked for tells whether there is a next page. */
export function keysetPage<T>(rows: T[], limit: number, cursorOf: (last: T) => readonly (string | Date)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
