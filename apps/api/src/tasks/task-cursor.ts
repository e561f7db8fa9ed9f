import { DomainError } from '@hearth/domain';
import { cursorDate, decodeCursor, encodeCursor } from '../common/keyset-cursor';

/** Keyset position in the inbox order (due date, then id), opaque to clients. */
export interface TaskCursor {
  dueAt: Date;
  id: string;
}

export function encodeTaskCursor(cursor: TaskCursor): string {
  return encodeCursor([cursor.dueAt, cursor.id]);
}

export function decodeTaskCursor(value: string): TaskCursor {
  const [dueAt, id] = decodeCursor(value, 2);
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new DomainError('invalid-input', 'cursor is not one this API gave out');
  return { dueAt: cursorDate(dueAt), id };
}
