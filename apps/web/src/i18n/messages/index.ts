import type { Language } from '../languages';
import { ar } from './ar';
import { ckb } from './ckb';
import { en, Messages } from './en';
import { kmr } from './kmr';

export type { Messages } from './en';
export const MESSAGES: Record<Language, Messages> = { ckb, kmr, ar, en };

/** A message with its placeholders filled: fill('{n} tasks moved.', { n: '3' }). */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
