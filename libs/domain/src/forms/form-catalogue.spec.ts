import { taskCatalogue } from '../tasks/task-catalogue';
import { TaskDefinition } from '../tasks/task';
import { formCatalogue, formDefinition, formSummaries, outcomeLabelsOf } from './form-catalogue';
import { FORM_LANGUAGES, FORM_WIDGETS, FormSchema, Labels } from './form-definition';

/** Every schema node under `schema`, with a readable path. */
function* nodes(schema: FormSchema, path: string): Generator<[string, FormSchema]> {
  yield [path, schema];
  for (const [name, property] of Object.entries(schema.properties ?? {})) yield* nodes(property, `${path}.${name}`);
  if (schema.items) yield* nodes(schema.items, `${path}[]`);
}

/** Every label of every form, with where it is. */
function* labels(): Generator<[string, Labels]> {
  for (const form of formCatalogue) {
    const at = `${form.key}@${form.version}`;
    yield [`${at} title`, form.title];
    if (form.help) yield [`${at} help`, form.help];
    for (const [outcome, schema] of Object.entries(form.outcomes)) {
      yield [`${at} outcome ${outcome}`, outcomeLabelsOf([outcome])[outcome]];
      for (const [path, node] of nodes(schema, `${at} ${outcome}:data`)) {
        if (node['x-label']) yield [`${path} label`, node['x-label']];
        if (node['x-help']) yield [`${path} help`, node['x-help']];
        for (const [value, label] of Object.entries(node['x-options'] ?? {})) yield [`${path} option ${value}`, label];
      }
    }
  }
}

const tasks = Object.values(taskCatalogue) as TaskDefinition[];

describe('the form catalogue', () => {
  it('defines the form every task type names, for each of its outcomes', () => {
    for (const task of tasks) {
      const form = formDefinition(task.formKey, task.formVersion);
      expect({ task: task.type, form: form && `${form.key}@${form.version}` }).toEqual({ task: task.type, form: `${task.formKey}@${task.formVersion}` });
      for (const outcome of task.outcomes) expect({ task: task.type, outcome, schema: form!.outcomes[outcome] }).toEqual({ task: task.type, outcome, schema: expect.any(Object) });
    }
  });

  it('defines each key and version once, and lists them all', () => {
    const keys = formCatalogue.map((form) => `${form.key}@${form.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(formSummaries().map((form) => `${form.key}@${form.version}`)).toEqual(keys);
    expect(formDefinition('no-such-form', 1)).toBeUndefined();
    expect(formDefinition(tasks[0].formKey, 99)).toBeUndefined();
  });

  it('labels the title, every field and every option in Sorani, Badini, Arabic and English', () => {
    const all = [...labels()];
    expect(all.length).toBeGreaterThan(formCatalogue.length);
    for (const [where, label] of all) {
      for (const language of FORM_LANGUAGES) expect({ where, language, text: typeof label[language] === 'string' && label[language].trim().length > 0 }).toEqual({ where, language, text: true });
      expect({ where, languages: Object.keys(label).sort() }).toEqual({ where, languages: [...FORM_LANGUAGES].sort() });
    }
  });

  it('writes Kurdish and Arabic labels in Arabic script', () => {
    for (const [where, label] of labels()) {
      for (const language of ['ckb', 'kmr', 'ar'] as const) expect({ where, language, arabicScript: /[\u0600-\u06FF]/.test(label[language]) }).toEqual({ where, language, arabicScript: true });
    }
  });

  it('gives every field a label and a widget, every enum value an option label, and every object its order', () => {
    for (const form of formCatalogue) {
      for (const [outcome, schema] of Object.entries(form.outcomes)) {
        for (const [path, node] of nodes(schema, `${form.key}@${form.version} ${outcome}:data`)) {
          if (node.properties) {
            expect({ path, order: [...(node['x-ui']?.order ?? [])].sort() }).toEqual({ path, order: Object.keys(node.properties).sort() });
            expect({ path, additionalProperties: node.additionalProperties }).toEqual({ path, additionalProperties: false });
            for (const required of node.required ?? []) expect({ path, required, defined: required in node.properties }).toEqual({ path, required, defined: true });
            for (const [name, field] of Object.entries(node.properties)) {
              expect({ field: `${path}.${name}`, label: Boolean(field['x-label']) }).toEqual({ field: `${path}.${name}`, label: true });
              expect(FORM_WIDGETS).toContain(field['x-ui']?.widget);
            }
          }
          if (node.enum) expect({ path, options: Object.keys(node['x-options'] ?? {}).sort() }).toEqual({ path, options: node.enum.map(String).sort() });
        }
      }
    }
  });

  it('keeps free-note forms optional and the recommendation and decision strict about reasons and terms', () => {
    const notes = formDefinition('initial-home-visit', 1)!.outcomes['invite-application'];
    expect(notes).toMatchObject({ type: 'object', additionalProperties: false, properties: { notes: { type: 'string', maxLength: 4000 } } });
    expect(notes.required).toBeUndefined();
    for (const key of ['panel-recommendation', 'agency-decision']) {
      const form = formDefinition(key, 1)!;
      expect(form.outcomes.approve.required).toEqual(['terms', 'reasons']);
      expect(form.outcomes['not-approve'].required).toEqual(['reasons']);
    }
  });

  it('is plain data: the definitions survive a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(formCatalogue))).toEqual(formCatalogue);
  });
});
