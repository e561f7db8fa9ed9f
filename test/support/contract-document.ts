import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';

/**
 * The API's own OpenAPI document as a contract: every response a test provokes is recorded, then
 * checked against what the document says its operation answers (status, headers, body schema).
 */

type Json = Record<string, unknown>;

interface HeaderObject {
  required?: boolean;
  schema?: Json;
}

interface ResponseObject {
  description?: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, { schema?: Json }>;
}

interface OperationObject {
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Json> };
}

/** One response as the server gave it, to the request that provoked it. */
export interface RecordedResponse {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

export interface Operation {
  method: string;
  path: string;
  /** `GET /tasks/{id}`. */
  name: string;
  operation: OperationObject;
  matches(method: string, path: string): boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const DOCUMENT_ID = 'openapi.json';
/** Keywords whose value is one schema, or a list of schemas. */
const SCHEMA_KEYWORDS = ['items', 'not', 'additionalProperties'];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'oneOf', 'anyOf'];

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable` becomes "or null", references point into the
 * document, and an object schema that lists its properties allows no others unless it says so, so a
 * field the document does not describe is caught as well as one it describes wrongly.
 */
export function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example, ...rest } = schema as Json;
  void example;
  const converted: Json = {};
  for (const [keyword, value] of Object.entries(rest)) {
    if (keyword === '$ref' && typeof value === 'string') converted.$ref = value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : value;
    else if (keyword === 'properties' && value && typeof value === 'object') converted.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, jsonSchemaOf(property)]));
    else if (SCHEMA_KEYWORDS.includes(keyword) && value && typeof value === 'object') converted[keyword] = jsonSchemaOf(value);
    else if (SCHEMA_LIST_KEYWORDS.includes(keyword) && Array.isArray(value)) converted[keyword] = value.map(jsonSchemaOf);
    else converted[keyword] = value;
  }
  if (converted.properties && converted.additionalProperties === undefined && !SCHEMA_LIST_KEYWORDS.some((keyword) => keyword in converted)) converted.additionalProperties = false;
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/** The document's operations, each able to say whether a request path is one of its own (literal segments win over parameters). */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations.push({ method: method.toUpperCase(), path, name: `${method.toUpperCase()} ${path}`, operation, matches: (m, p) => m === method.toUpperCase() && pattern.test(p) });
    }
  }
  // `/tasks/reassign` before `/tasks/{id}`: fewer parameters first.
  const parameters = (path: string) => (path.match(/\{/g) ?? []).length;
  return operations.sort((a, b) => parameters(a.path) - parameters(b.path));
}

/** Checks recorded responses against the document. */
export class ContractChecker {
  readonly operations: Operation[];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.operations = operationsOf(document);
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const schemas = Object.fromEntries(Object.entries(document.components.schemas).map(([name, schema]) => [name, jsonSchemaOf(schema)]));
    this.ajv.addSchema({ components: { schemas } }, DOCUMENT_ID);
  }

  operationOf(method: string, url: string): Operation | undefined {
    const path = new URL(url, 'http://hearth.test').pathname;
    return this.operations.find((operation) => operation.matches(method, path));
  }

  /** Every schema of every response in the document compiles. */
  compileAll(): void {
    for (const { operation, name } of this.operations) for (const status of Object.keys(operation.responses)) this.validator(name, status, operation.responses[status]);
  }

  private validator(name: string, status: string, response: ResponseObject): ValidateFunction | undefined {
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return undefined;
    const key = `${name} ${status}`;
    if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile(jsonSchemaOf(schema) as object));
    return this.validators.get(key);
  }

  /** What is wrong with one response, by the document: nothing, or each disagreement. */
  problemsOf(recorded: RecordedResponse): string[] {
    const operation = this.operationOf(recorded.method, recorded.url);
    if (!operation) return [`${recorded.method} ${recorded.url}: no operation in the document`];
    const response = operation.operation.responses[String(recorded.status)];
    const where = `${operation.name} → ${recorded.status}`;
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation.operation.responses).join(', ')}); body ${recorded.text.slice(0, 300)}`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = recorded.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`${where}: header ${name} is documented as required but missing`);
        continue;
      }
      const type = header.schema?.type;
      if ((type === 'integer' || type === 'number') && !/^\d+$/.test(String(value))) problems.push(`${where}: header ${name} is ${String(value)}, not an ${type}`);
    }
    const validate = this.validator(operation.name, String(recorded.status), response);
    if (!validate) {
      if (recorded.text) problems.push(`${where}: documented without a body, but answered ${recorded.text.slice(0, 200)}`);
      return problems;
    }
    const contentType = String(recorded.headers['content-type'] ?? '');
    if (!contentType.startsWith('application/json')) return [...problems, `${where}: documented as application/json, answered ${contentType || 'no content type'}`];
    if (!validate(recorded.body)) {
      const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
      problems.push(`${where}: body does not match the schema: ${errors.join('; ')}; body ${recorded.text.slice(0, 300)}`);
    }
    return problems;
  }
}

type Agent = ReturnType<typeof request>;

/** A supertest agent that records every response it receives (status, headers and body) into `into`. */
export function recordingAgent(baseUrl: string, into: RecordedResponse[]): Agent {
  const agent = request(baseUrl);
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.includes(property)) return value;
      return (url: string) => {
        const test = (value as (url: string) => request.Test).call(target, url);
        test.on('response', (response: request.Response) => {
          into.push({ method: property.toUpperCase(), url, status: response.status, headers: response.headers, body: response.body, text: response.text ?? '' });
        });
        return test;
      };
    },
  });
}
