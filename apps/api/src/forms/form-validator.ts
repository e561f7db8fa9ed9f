import { BadRequestException } from '@nestjs/common';
import { ApprovalOutcome, ApprovalTerms, departsFromRecommendation, FORM_MESSAGES, formDefinition, FormLanguage, FormSchema, LocalDate, LONG_TEXT, NOT_BLANK, OUTCOME_LABELS, TaskOutcome } from '@hearth/domain';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The schemas' rendering and language annotations: data for the web app, nothing to check. */
const ANNOTATIONS = ['x-ui', 'x-label', 'x-help', 'x-options'];

/**
 * One ajv for every form. `allErrors` so a 400 names every failing field at once; `verbose` so an
 * error carries the schema that failed (the examples a pattern message quotes); strict mode refuses
 * a schema with a misspelt keyword when it is first compiled.
 */
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, passContext: true });
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

ajv.addKeyword({
  // `x-not-future`: a date something happened is not after today, in the case's jurisdiction (the caller's `today`).
  keyword: 'x-not-future',
  type: 'string',
  schemaType: 'boolean',
  validate: function (this: FormContext | undefined, notFuture: boolean, value: string) {
    return !notFuture || !this?.today || value <= this.today;
  },
});

/** What a form's checks need beyond the data: today's date where the case is. */
interface FormContext {
  today?: LocalDate;
}

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

function messageOf(error: ErrorObject, outcome: string, language: FormLanguage): string {
  const params = error.params as Record<string, unknown>;
  const say = FORM_MESSAGES[language];
  switch (error.keyword) {
    case 'required':
      return say.required(OUTCOME_LABELS[outcome as TaskOutcome]?.[language] ?? outcome);
    case 'additionalProperties':
      return say.notAField;
    case 'type':
      return say.type(String(params.type));
    case 'minLength':
      return params.limit === 1 ? say.notEmpty : say.minLength(Number(params.limit));
    case 'maxLength':
      return say.maxLength(Number(params.limit));
    case 'minimum':
      return say.minimum(Number(params.limit));
    case 'maximum':
      return say.maximum(Number(params.limit));
    case 'enum':
      return say.oneOf((params.allowedValues as unknown[]).join(', '));
    case 'minItems':
      return params.limit === 1 ? say.atLeastOne : say.minItems(Number(params.limit));
    case 'maxItems':
      return say.maxItems(Number(params.limit));
    case 'uniqueItems':
      return say.unique;
    case 'pattern': {
      if (params.pattern === NOT_BLANK) return say.notBlank;
      const examples = (error.parentSchema as FormSchema | undefined)?.examples;
      return examples?.length ? say.writtenLike(examples.join(', ')) : say.unexpected;
    }
    case 'format':
      return say.format(String(params.format));
    case 'x-minimum-field':
      return say.atLeastField(String(error.schema));
    case 'x-not-future':
      return say.notFuture;
    default:
      return say.invalid;
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

/**
 * Checks a completion's data against its task's form (key and version) for the chosen outcome;
 * messages in `language`; dates of what happened not after `today` (the case's local date).
 */
export function validateTaskForm(formKey: string, formVersion: number, outcome: string, data: Record<string, unknown> | undefined, language: FormLanguage = 'en', today?: LocalDate): void {
  const validate = validatorFor(formKey, formVersion, outcome);
  if (validate.call({ today } satisfies FormContext, data ?? {})) return;
  // A Map, not an object: a field named by the request (`__proto__`) must stay a plain key.
  const fields = new Map<string, string[]>();
  for (const error of validate.errors ?? []) {
    const { field, entry } = fieldOf(error);
    const message = entry ? FORM_MESSAGES[language].eachEntry(messageOf(error, outcome, language)) : messageOf(error, outcome, language);
    const messages = fields.get(field) ?? [];
    if (!messages.includes(message)) fields.set(field, [...messages, message]);
  }
  throw invalid(Object.fromEntries(fields));
}

/** The agency decision departs from the recommendation (another outcome, other terms): it needs `departureReason`. */
export function validateDeparture(recommendation: ApprovalOutcome, outcome: string, data: Record<string, unknown> | undefined, language: FormLanguage = 'en'): void {
  if (!departsFromRecommendation(recommendation, { outcome, terms: data?.terms as ApprovalTerms | undefined })) return;
  const reason = data?.departureReason;
  if (typeof reason === 'string' && reason.length >= 1 && reason.length <= LONG_TEXT) return;
  throw invalid({ 'data.departureReason': [FORM_MESSAGES[language].departureReason] });
}
