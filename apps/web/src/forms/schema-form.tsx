// Draws any task form from its JSON Schema definition (GET /forms/{key}/{version}): the field
// order, widgets, labels and help come from the definition's x-ui, x-label, x-help and x-options,
// in the user's language. A new pathway adds form definitions, not screens.
import { Fieldset, Group, MultiSelect, NumberInput, Radio, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { FormSchema, Labels } from '@hearth/domain';
import { useI18n } from '../i18n/i18n';

export type FormValues = Record<string, unknown>;
/** Each field's messages, by its path in the completion body (`data.terms.ageMin`), as the API reports them. */
export type FieldErrors = Record<string, string[]>;

interface FieldProps {
  name: string;
  path: string;
  schema: FormSchema;
  required: boolean;
  value: unknown;
  onChange(value: unknown): void;
  errors: FieldErrors;
}

function orderOf(schema: FormSchema): string[] {
  return [...(schema['x-ui']?.order ?? Object.keys(schema.properties ?? {}))];
}

/** The messages for a field and, on a group, those of fields it does not draw itself. */
function errorText(errors: FieldErrors, path: string): string | undefined {
  const messages = errors[path];
  return messages?.length ? messages.join(' ') : undefined;
}

function Field({ name, path, schema, required, value, onChange, errors }: FieldProps) {
  const { m, preferences } = useI18n();
  const text = (labels?: Labels) => labels?.[preferences.language];
  const common = { label: text(schema['x-label']) ?? name, description: text(schema['x-help']), required, error: errorText(errors, path), name: path };
  const widget = schema['x-ui']?.widget;
  const options = (values: readonly (string | number)[] = []) => values.map((each) => ({ value: String(each), label: text(schema['x-options']?.[String(each)]) ?? text(schema.items?.['x-options']?.[String(each)]) ?? String(each) }));

  if (schema.type === 'object') {
    return (
      <Fieldset legend={common.label} aria-describedby={common.error ? `${path}-error` : undefined}>
        {common.description && <p style={{ marginTop: 0 }}>{common.description}</p>}
        <SchemaFields schema={schema} path={path} value={(value as FormValues) ?? {}} onChange={onChange} errors={errors} />
        {common.error && <p id={`${path}-error`} role="alert" style={{ color: 'var(--mantine-color-red-9)' }}>{common.error}</p>}
      </Fieldset>
    );
  }
  if (schema.type === 'array') {
    const list = Array.isArray(value) ? (value as string[]) : [];
    if (schema.items?.enum || widget === 'multiselect') return <MultiSelect {...common} data={options(schema.items?.enum)} value={list} onChange={onChange} comboboxProps={{ withinPortal: false }} />;
    return <TagsInput {...common} value={list} onChange={onChange} />;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return <NumberInput {...common} min={schema.minimum} max={schema.maximum} allowDecimal={schema.type === 'number'} value={typeof value === 'number' ? value : ''} onChange={(next) => onChange(typeof next === 'number' ? next : undefined)} />;
  }
  if (schema.type === 'boolean') {
    // Yes or no, both explicit: an untouched checkbox could not tell "no" from "not answered".
    return (
      <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(next) => onChange(next === 'yes')}>
        <Group mt={4}>
          <Radio value="yes" label={m.common.yes} />
          <Radio value="no" label={m.common.no} />
        </Group>
      </Radio.Group>
    );
  }
  if (schema.enum) return <Select {...common} data={options(schema.enum)} value={(value as string) ?? null} onChange={(next) => onChange(next ?? undefined)} comboboxProps={{ withinPortal: false }} />;
  const string = (value as string) ?? '';
  const set = (next: string) => onChange(next === '' ? undefined : next);
  if (widget === 'textarea') return <Textarea {...common} autosize minRows={schema['x-ui']?.rows ?? 4} maxLength={schema.maxLength} value={string} onChange={(event) => set(event.currentTarget.value)} />;
  if (schema.format === 'date') return <TextInput {...common} type="date" max={schema['x-not-future'] ? today() : undefined} value={string} onChange={(event) => set(event.currentTarget.value)} />;
  return <TextInput {...common} maxLength={schema.maxLength} value={string} onChange={(event) => set(event.currentTarget.value)} />;
}

/** Today on this device's calendar: a hint for the date picker; the API checks against the case's own zone. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function SchemaFields({ schema, path, value, onChange, errors }: { schema: FormSchema; path: string; value: FormValues; onChange(value: FormValues): void; errors: FieldErrors }) {
  const required = new Set(schema.required ?? []);
  return (
    <Stack gap="sm">
      {orderOf(schema).map((name) => (
        <Field
          key={name}
          name={name}
          path={`${path}.${name}`}
          schema={schema.properties![name]}
          required={required.has(name)}
          value={value[name]}
          onChange={(next) => onChange({ ...value, [name]: next })}
          errors={errors}
        />
      ))}
    </Stack>
  );
}

/** A completion's `data` for one outcome's schema. */
export function SchemaForm({ schema, value, onChange, errors }: { schema: FormSchema; value: FormValues; onChange(value: FormValues): void; errors: FieldErrors }) {
  return <SchemaFields schema={schema} path="data" value={value} onChange={onChange} errors={errors} />;
}

/** The required fields left empty, by path: checked before sending. Anything else (blank text, limits) the API checks, in the user's language. */
export function missingRequired(schema: FormSchema, value: FormValues, path = 'data'): string[] {
  const missing: string[] = [];
  for (const name of schema.required ?? []) {
    const field = schema.properties?.[name];
    const entry = value[name];
    const empty = entry === undefined || entry === null || entry === '' || (Array.isArray(entry) && entry.length === 0);
    if (empty) missing.push(`${path}.${name}`);
    else if (field?.type === 'object') missing.push(...missingRequired(field, entry as FormValues, `${path}.${name}`));
  }
  return missing;
}
