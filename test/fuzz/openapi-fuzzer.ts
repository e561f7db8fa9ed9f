/**
 * Requests generated from the API's own OpenAPI document: every operation, with path ids known
 * and unknown, bodies that follow the schema and bodies that break it (missing and extra fields,
 * wrong types, huge and hostile strings, deep nesting, raw garbage), with and without tokens and
 * Idempotency-Keys. Hearth must answer each with a 2xx, 3xx or 4xx: a 5xx is a failure.
 */

interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
}

export interface FuzzTarget {
  baseUrl: string;
  /** Bearer tokens of staff in various roles. */
  tokens: string[];
  /** Ids that exist, by path parameter name (`id`, `ref`). */
  knownIds: Record<string, string[]>;
}

export interface FuzzReport {
  sent: number;
  byStatus: Record<string, number>;
  failures: { method: string; path: string; status: number; body: string }[];
}

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    int: (max: number) => Math.floor(next() * max),
  };
}

const HOSTILE_STRINGS = ['', ' ', 'null', '0', '-1', 'شیلان ئەحمەد', 'ئاکرێ', '\u0000', '%00', '../../etc/passwd', "'; DROP TABLE task; --", '<script>x</script>', 'x'.repeat(5000), '9'.repeat(40), '2026-02-30', '2026-13-01T25:61', '1e309', 'true', '{}', '[]'];
const GARBAGE_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'household:', 'household:x', 'placement:1', '%2e%2e', 'x'.repeat(300), '-1'];

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operationsOf(document: OpenApiDocument): { operations: Operation[]; resolve: (schema: Schema) => Schema } {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!] ?? {}) : schema);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({ method: method.toUpperCase(), path, parameters: operation.parameters ?? [], body: operation.requestBody?.content?.['application/json']?.schema });
    }
  }
  return { operations, resolve };
}

export async function fuzz(target: FuzzTarget, requests: number, seed = 7): Promise<FuzzReport> {
  const rng = random(seed);
  const document = (await (await fetch(`${target.baseUrl}/docs-json`)).json()) as OpenApiDocument;
  const { operations, resolve } = operationsOf(document);
  const usedKeys: string[] = [];

  const valueFor = (schema: Schema | undefined, depth: number): unknown => {
    const s = resolve(schema ?? {});
    if (s.allOf?.length) return valueFor(s.allOf[0], depth);
    if (s.oneOf?.length || s.anyOf?.length) return valueFor(rng.pick((s.oneOf ?? s.anyOf)!), depth);
    if (s.enum?.length && rng.chance(0.8)) return rng.pick(s.enum);
    switch (s.type) {
      case 'integer':
      case 'number':
        return rng.pick([0, 1, 2, 17, -1, 999999, s.minimum ?? 0, s.maximum ?? 100, 3.5]);
      case 'boolean':
        return rng.chance(0.5);
      case 'array':
        return Array.from({ length: rng.int(4) }, () => valueFor(s.items, depth + 1));
      case 'object':
        return objectFor(s, depth + 1);
      default:
        if (s.format === 'date-time' || s.format === 'date') return rng.pick(['2026-12-10T09:00', '2026-12-10', new Date(Date.now() + 86_400_000).toISOString(), '2020-01-01T00:00:00Z']);
        if (s.format === 'uuid') return rng.pick([...Object.values(target.knownIds).flat(), crypto.randomUUID()]);
        return rng.pick(['Shilan Ahmed', 'ckb', 'en', 'Erbil', 'satisfactory', 'visit-arranged', 'approve', ...HOSTILE_STRINGS]);
    }
  };

  const objectFor = (schema: Schema, depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    if (depth > 6) return object;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if ((schema.required ?? []).includes(name) || rng.chance(0.6)) object[name] = valueFor(property, depth);
    }
    return object;
  };

  /** A body that follows the schema, then (most of the time) broken in one way. */
  const bodyFor = (schema: Schema | undefined): { text: string; contentType: string } => {
    const json = (value: unknown) => ({ text: JSON.stringify(value), contentType: 'application/json' });
    const base = schema ? valueFor(schema, 0) : {};
    switch (rng.int(10)) {
      case 0:
        return json(base);
      case 1: {
        const broken = { ...(base as object) } as Record<string, unknown>;
        delete broken[rng.pick(Object.keys(broken).concat(['none']))];
        return json(broken);
      }
      case 2:
        return json({ ...(base as object), unexpected: rng.pick(HOSTILE_STRINGS) });
      case 3: {
        const broken = { ...(base as object) } as Record<string, unknown>;
        for (const key of Object.keys(broken)) if (rng.chance(0.5)) broken[key] = rng.pick([null, 42, [], {}, true, rng.pick(HOSTILE_STRINGS)]);
        return json(broken);
      }
      case 4:
        return json(rng.pick([null, [], 'text', 123, [base]]));
      case 5:
        return { text: `${'['.repeat(1 + rng.int(400))}1${']'.repeat(1 + rng.int(400))}`, contentType: 'application/json' };
      case 6:
        return { text: rng.pick(['{"a":', '{{', 'not json', '\u0000\u0001', '{"data": {"terms": ']), contentType: 'application/json' };
      case 7:
        return { text: JSON.stringify(base), contentType: rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml']) };
      case 8: {
        let nested: unknown = 'deep';
        for (let i = 0; i < 40 + rng.int(80); i++) nested = { data: nested };
        return json({ ...(base as object), data: nested });
      }
      default:
        return json(base);
    }
  };

  const pathFor = (operation: Operation) =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const known = target.knownIds[name] ?? Object.values(target.knownIds).flat();
      return encodeURIComponent(rng.chance(0.6) && known.length ? rng.pick(known) : rng.chance(0.5) ? crypto.randomUUID() : rng.pick(GARBAGE_IDS));
    });

  const queryFor = (operation: Operation) => {
    const query = new URLSearchParams();
    for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
      if (rng.chance(0.5)) query.set(parameter.name, String(rng.chance(0.7) ? valueFor(parameter.schema, 0) : rng.pick(HOSTILE_STRINGS)));
    }
    return query.size ? `?${query}` : '';
  };

  const report: FuzzReport = { sent: 0, byStatus: {}, failures: [] };
  for (let i = 0; i < requests; i++) {
    const operation = rng.pick(operations);
    const headers: Record<string, string> = {};
    if (rng.chance(0.85)) headers.authorization = rng.chance(0.9) ? `Bearer ${rng.pick(target.tokens)}` : rng.pick(['Bearer', 'Bearer x.y.z', 'Basic abc', `Bearer ${'a'.repeat(2000)}`]);
    if (operation.method !== 'GET' && rng.chance(0.8)) {
      const key = rng.chance(0.2) && usedKeys.length ? rng.pick(usedKeys) : rng.chance(0.9) ? `fuzz-${crypto.randomUUID()}` : rng.pick(['short', 'bad key!', 'x'.repeat(200)]);
      usedKeys.push(key);
      headers['idempotency-key'] = key;
    }
    const body = operation.method === 'GET' || operation.method === 'DELETE' ? undefined : bodyFor(operation.body);
    if (body) headers['content-type'] = body.contentType;
    const url = `${target.baseUrl}${pathFor(operation)}${queryFor(operation)}`;
    const response = await fetch(url, { method: operation.method, headers, body: body?.text, signal: AbortSignal.timeout(20_000) });
    // A live stream (GET /alerts/stream) never ends: its status is the answer.
    const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
    const text = streaming ? (await response.body?.cancel(), '') : await response.text();
    report.sent++;
    report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
    if (response.status >= 500) report.failures.push({ method: operation.method, path: url.slice(target.baseUrl.length, target.baseUrl.length + 200), status: response.status, body: text.slice(0, 300) });
  }
  return report;
}
