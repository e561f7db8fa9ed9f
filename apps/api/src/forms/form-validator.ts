import { BadRequestException } from '@nestjs/common';
import { ApprovalOutcome, ApprovalTerms, departsFromRecommendation, formDefinition, FormSchema, LONG_TEXT, NOT_BLANK } from '@hearth/domain';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The schemas' rendering and language annotations: data for the web app, nothing to check. */
const ANNOTATIONS = ['x-ui', 'x-label', 'x-help', 'x-options'];

/**
 * One ajv for every form. `allErrors` so a 400 names every failing field at once; `verbose` so an
 * error carries the schema that failed (the examples a pattern message quotes); strict mode refuses
 * a schema with a misspelt keyword when it is first compiled.
 */
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
addFormats(ajv);
ajv.addVocabulary(ANNOTATIONS);
ajv.addKeyword({
  // JSON Schema cannot compare two fields: `x-minimum-field: 'ageMin'` says "at least the sibling ageMin".
  keyword: 'x-minimum-field',
  type: 'number',
  schemaType: 'string',
  validate: (sibling: string, value: number, _parentSchema?: unknown, context?: { parentData?: Record<string, unknown> }) => {
    const other = context?.parentData?.[sibling];
    return typeof other !== 'number' || value >= other;
  },
});

const compiled = new Map<string, ValidateFunction>();

/** The compiled schema of a form's data for one outcome, compiled once per key, version and outcome. */
function validatorFor(formKey: string, formVersion: number, outcome: string): ValidateFunction {
  const cacheKey = `${formKey}@${formVersion}#${outcome}`;
  let validate = compiled.get(cacheKey);
  if (!validate) {
    const outcomes = formDefinition(formKey, formVersion)?.outcomes;
    const schema = outcomes && Object.hasOwn(outcomes, outcome) ? outcomes[outcome] : undefined;
    // Tasks only name catalogued forms and outcomes (form-catalogue.spec.ts): a miss is a bug, not bad input.
    if (!schema) throw new Error(`no form ${formKey} version ${formVersion} for the outcome ${outcome}`);
    validate = ajv.compile(schema);
    compiled.set(cacheKey, validate);
  }
  return validate;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a set of fields',
  boolean: 'true or false',
};

function messageOf(error: ErrorObject, outcome: string): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is required when the outcome is ${outcome}`;
    case 'additionalProperties':
      return 'is not a field of this form';
    case 'type':
      return `must be ${TYPE_NAMES[String(params.type)] ?? params.type}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters`;
    case 'maxLength':
      return `must be at most ${params.limit} characters`;
    case 'minimum':
      return `must be at least ${params.limit}`;
    case 'maximum':
      return `must be at most ${params.limit}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
      return params.limit === 1 ? 'must list at least one' : `must list at least ${params.limit}`;
    case 'maxItems':
      return `must list at most ${params.limit}`;
    case 'uniqueItems':
      return 'must not list the same value twice';
    case 'pattern': {
      if (params.pattern === NOT_BLANK) return 'must not be blank';
      const examples = (error.parentSchema as FormSchema | undefined)?.examples;
      return examples?.length ? `must be written like ${examples.join(', ')}` : 'is not written the expected way';
    }
    case 'format':
      return `must be a valid ${params.format}`;
    case 'x-minimum-field':
      return `must be at least ${error.schema}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** `data.terms.placementTypes` for `/terms/placementTypes/0`: a list's entries are reported on the list. */
function fieldOf(error: ErrorObject): { field: string; entry: boolean } {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') segments.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(params.additionalProperty));
  let entry = false;
  while (segments.length && /^\d+$/.test(segments[segments.length - 1])) {
    segments.pop();
    entry = true;
  }
  return { field: ['data', ...segments].join('.'), entry };
}

/** The 400 every edge validation answers with: each failing field under `data.`, in staff's words. */
function invalid(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'invalid-input',
    message: Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`),
    fields,
  });
}

/** Checks a completion's data against its task's form (key and version) for the chosen outcome. */
export function validateTaskForm(formKey: string, formVersion: number, outcome: string, data: Record<string, unknown> | undefined): void {
  const validate = validatorFor(formKey, formVersion, outcome);
  if (validate(data ?? {})) return;
  // A Map, not an object: a field named by the request (`__proto__`) must stay a plain key.
  const fields = new Map<string, string[]>();
  for (const error of validate.errors ?? []) {
    const { field, entry } = fieldOf(error);
    const message = `${entry ? 'each entry ' : ''}${messageOf(error, outcome)}`;
    const messages = fields.get(field) ?? [];
    if (!messages.includes(message)) fields.set(field, [...messages, message]);
  }
  throw invalid(Object.fromEntries(fields));
}

/** The agency decision departs from the recommendation (another outcome, other terms): it needs `departureReason`. */
export function validateDeparture(recommendation: ApprovalOutcome, outcome: string, data: Record<string, unknown> | undefined): void {
  if (!departsFromRecommendation(recommendation, { outcome, terms: data?.terms as ApprovalTerms | undefined })) return;
  const reason = data?.departureReason;
  if (typeof reason === 'string' && reason.length >= 1 && reason.length <= LONG_TEXT) return;
  throw invalid({ 'data.departureReason': ['a decision that departs from the recommended outcome or terms needs its own reason'] });
}
