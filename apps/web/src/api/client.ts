// The one way the app talks to the API: a bearer token, JSON, and the API's one error body.
import type { ErrorBody } from '../../../api/src/common/api-errors';

const TOKEN_KEY = 'hearth.token';
const NOTICE_KEY = 'hearth.sign-in-notice';

/** An answer other than 2xx, with the API's error code and, for bad input, each field's messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  /** Ends the session; `notice` says why on the sign-in page (a password changed, a session expired). */
  end(notice?: 'password-changed' | 'session-ended'): void {
    sessionStorage.removeItem(TOKEN_KEY);
    if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
    window.dispatchEvent(new Event('hearth:signed-out'));
  },
  /** Why the last session ended, once. */
  takeNotice(): 'password-changed' | 'session-ended' | null {
    const notice = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return notice === 'password-changed' || notice === 'session-ended' ? notice : null;
  },
};

/** The language the API words its field messages in (Accept-Language), kept by the I18nProvider. */
let requestLanguage = 'en';
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

/** `/tasks?overdue=true`: parameters left undefined, null or empty are left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const each of Array.isArray(value) ? value : [value]) params.append(name, String(each));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function authHeaders(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const message = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? response.statusText);
  return new ApiError(response.status, body?.error ?? 'internal', message, body?.fields ?? {}, body?.retryAfterSeconds);
}

interface Send {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Staff actions carry one, so a retried click has one effect. */
  idempotencyKey?: string;
}

export async function api<T>(path: string, { method = 'GET', body, idempotencyKey }: Send = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLanguage, ...authHeaders() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && session.token()) session.end('session-ended');
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A fresh key for one staff action (kept while the same form is retried). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
