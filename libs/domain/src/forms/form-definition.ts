/** The languages staff work in (DOMAIN.md, Languages): every label a form shows exists in each. */
export const FORM_LANGUAGES = ['ckb', 'kmr', 'ar', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** One text in every staff language: Sorani, Badini (Arabic script), Arabic and English. */
export type Labels = Readonly<Record<FormLanguage, string>>;

export const FORM_WIDGETS = ['text', 'textarea', 'number', 'select', 'multiselect', 'tags', 'group', 'date', 'yes-no'] as const;
/** How the web app draws a field: `tags` is a list of free entries, `group` a set of fields drawn together, `date` a calendar date, `yes-no` two explicit answers. */
export type FormWidget = (typeof FORM_WIDGETS)[number];

/** Rendering hints for the web app; validators ignore them. */
export interface FormUi {
  widget?: FormWidget;
  /** The order the fields of an object are shown in: every property, once. */
  order?: readonly string[];
  /** Visible lines of a textarea. */
  rows?: number;
}

/**
 * The subset of JSON Schema (draft-07, ajv's default) that forms use, plus Hearth's annotations:
 * `x-ui` (rendering hints), `x-label` and `x-help` (the field's name and guidance in every
 * language), `x-options` (a label for each value of the `enum` beside it) and `x-minimum-field`
 * (a number must be at least its sibling field of that name, the one cross-field rule JSON Schema
 * cannot say; the API enforces it).
 */
export interface FormSchema {
  $schema?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Readonly<Record<string, FormSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: FormSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: readonly (string | number)[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  examples?: readonly unknown[];
  'x-ui'?: FormUi;
  'x-label'?: Labels;
  'x-help'?: Labels;
  'x-options'?: Readonly<Record<string, Labels>>;
  'x-minimum-field'?: string;
  /** A date something actually happened: the API refuses one after today in the case's jurisdiction. */
  'x-not-future'?: boolean;
}

/**
 * One version of a task's form: what staff fill in when completing a task, as data.
 *
 * The schema depends on the outcome chosen (an approval needs terms, a refusal only reasons), so a
 * definition holds one JSON Schema of the completion's `data` per outcome, rather than one schema
 * with `if/then` on an outcome that is not part of `data`. Every outcome of the task types using the
 * form has an entry; outcomes that ask the same share one schema object.
 */
export interface FormDefinition {
  key: string;
  version: number;
  title: Labels;
  help?: Labels;
  outcomes: Readonly<Record<string, FormSchema>>;
}

/** A form's name in the catalogue listing. */
export interface FormSummary {
  key: string;
  version: number;
  title: Labels;
}
