/** SQLSTATE classes and codes that mean "PostgreSQL is not there right now", not "your request is wrong". */
const UNAVAILABLE_SQLSTATES = ['57P01', '57P02', '57P03', '53300', '53400'];
const UNAVAILABLE_NODE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'];
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|Connection is not established/i;

/** Whether an error (or what it wraps) says the database could not be reached. */
/** 08P01: the query and its parameters disagree — a bug in Hearth, not a database that is down. */
const PROTOCOL_VIOLATION = '08P01';

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_NODE_CODES.includes(code) || UNAVAILABLE_SQLSTATES.includes(code) || (code.startsWith('08') && code !== PROTOCOL_VIOLATION)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** A value PostgreSQL refused as data (SQLSTATE class 22: bad text, out of range): the request's fault, not the server's. */
export function isDataException(error: unknown): boolean {
  const e = error as { driverError?: { code?: unknown }; code?: unknown } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Errors the HTTP body parser raises for a client's request (too large, bad charset, malformed JSON, a body that does not decompress): their 4xx status. */
export function clientErrorStatus(error: unknown): number | null {
  const { status, type, code, message } = (error ?? {}) as { status?: unknown; type?: unknown; code?: unknown; message?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string') return status;
  // zlib and brotli refusing a body sent with Content-Encoding it does not have.
  if ((typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR'))) || (typeof message === 'string' && /Decompression failed|incorrect header check/.test(message))) return 400;
  return null;
}
