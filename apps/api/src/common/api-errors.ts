import { ApiProperty, ApiPropertyOptional, OpenAPIObject } from '@nestjs/swagger';

/** The one body every error answers with (see ErrorsFilter): the status, a code, what went wrong and, for bad input, which fields. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 404, description: 'The HTTP status, repeated' }) statusCode!: number;

  @ApiProperty({
    example: 'not-found',
    description:
      'A code to act on: invalid-input, invalid-outcome, unauthenticated, not-found, not-permitted, separation-of-duties, conflict, task-closed, not-ready, ' +
      'too-large, unsupported-media-type, too-many-attempts, unavailable, internal',
  })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'no task 7d4c…',
    description: 'What went wrong, for people; a list of messages when the request broke several rules',
  })
  message!: string | string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { 'data.departureReason': ['departureReason is required when the decision departs from the recommendation'] },
    description: 'For invalid input: the messages of each failing field, by its path in the body (or the header named)',
  })
  fields?: Record<string, string[]>;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'For 429: how long the lock lasts (also in Retry-After)' })
  retryAfterSeconds?: number;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' };
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', required: true, schema: { type: 'integer', minimum: 1 } } };

/** Public, yet it answers 401 (wrong credentials) and 429 (locked); the other public route, /health, answers neither. */
const LOGIN = 'post /auth/login';

/** Routes without path parameters that still look records up by what the request names (a case number, task ids, the caller's own account). */
const LOOKS_UP_RECORDS = new Set(['get /tasks', 'post /tasks/reassign', 'get /me']);

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed: a parameter, header (Idempotency-Key) or body field breaks a rule (`fields` names each), the JSON does not parse or nests too deep, or text holds NUL characters',
  401: 'No valid bearer token (missing, expired, or the session ended), or the account is deactivated',
  403: 'Your roles, or your part in the case (need to know, separation of duties), do not allow this',
  404: 'A record the request names does not exist, or is not one you may know of',
  409: 'It conflicts with what is already recorded (the task is closed, the case has moved on or ended), or the Idempotency-Key was used for a different request',
  413: 'The body is larger than 256 kB',
  415: 'The body is not JSON in a character set this API reads (send application/json in UTF-8)',
  429: 'Too many failed logins: the account or address is locked for a while (Retry-After)',
  503: 'The database or the workflow service did not answer in time: retry after Retry-After seconds, a write with the same Idempotency-Key',
};

/** The error statuses an operation can answer with, from what the document says about it. */
function errorStatuses(route: string, method: (typeof METHODS)[number], operation: Operation): number[] {
  const authenticated = (operation.security ?? []).length > 0;
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const writes = method !== 'get';
  const mayCarryBody = Boolean(operation.requestBody) || method === 'post' || method === 'put' || method === 'patch';
  // Any request may be refused as malformed: the request-shape limits (NUL, nesting) apply to every route's query and path.
  const statuses = [400];
  if (authenticated || route === LOGIN) statuses.push(401);
  // Roles and need to know are checked per route and per case; any authenticated route may refuse.
  if (authenticated) statuses.push(403);
  if (parameters.some((parameter) => parameter.in === 'path') || LOOKS_UP_RECORDS.has(route)) statuses.push(404);
  // Every authenticated write may conflict, if only through an Idempotency-Key reused for another request.
  if (authenticated && writes) statuses.push(409);
  if (mayCarryBody) statuses.push(413, 415);
  if (route === LOGIN) statuses.push(429);
  statuses.push(503);
  return statuses;
}

/**
 * Describes on every operation of the document the errors it can answer with, each with the one
 * error body: 400 for any request (the request-shape limits apply everywhere), 401 and 403 where a
 * token is needed, 404 where a record is looked up, 409 for authenticated writes, 413 and 415 where
 * a body is read, 429 on login, and 503 with Retry-After everywhere (PostgreSQL or Temporal may be
 * away). A status the route documents itself (the health check's 503) keeps its own body.
 */
export function describeErrors(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses: Responses = (operation.responses ??= {});
      for (const status of errorStatuses(`${method} ${path}`, method, operation)) {
        const headers = status === 429 || status === 503 ? RETRY_AFTER : undefined;
        const existing = responses[status] as { headers?: object } | undefined;
        if (existing) {
          if (headers) existing.headers = { ...headers, ...existing.headers };
          continue;
        }
        responses[status] = { description: DESCRIPTIONS[status], ...(headers ? { headers } : {}), content: { 'application/json': { schema: ERROR_BODY } } };
      }
    }
  }
  return document;
}
