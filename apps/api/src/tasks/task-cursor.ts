import { DomainError } from '@hearth/domain';

/** Keyset position in the inbox order (due date, then id), opaque to clients. */
export interface TaskCursor {
  dueAt: Date;
  id: string;
}

export function encodeTaskCursor(cursor: TaskCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeTaskCursor(value: string): TaskCursor {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(dueAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { dueAt: date, id };
  } catch {
    throw new DomainError('invalid-input', 'cursor is not one this API gave out');
  }
}
