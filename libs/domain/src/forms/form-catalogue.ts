import { carerApprovalForms } from './carer-approval.forms';
import { childJourneyForms } from './child-journey.forms';
import { FormDefinition, FormSummary } from './form-definition';
import { panelForms } from './panel.forms';

export * from './form-definition';
export { FORM_SCHEMA_DIALECT, LONG_TEXT, NOT_BLANK } from './form-fields';
export { OUTCOME_LABELS, outcomeLabelsOf } from './outcome-labels';
export { FORM_MESSAGES, formLanguageOf, type FormMessages } from './form-messages';

/** Every version of every form Hearth asks staff to fill in: each pathway's, and the panel's. */
export const formCatalogue: readonly FormDefinition[] = [...carerApprovalForms, ...panelForms, ...childJourneyForms];

const byKeyAndVersion = new Map(formCatalogue.map((form) => [`${form.key}@${form.version}`, form]));

/** The definition of one version of a form, as tasks name it (`formKey`, `formVersion`). */
export function formDefinition(key: string, version: number): FormDefinition | undefined {
  return byKeyAndVersion.get(`${key}@${version}`);
}

/** The catalogue as a list: key, version and title of each form. */
export function formSummaries(): FormSummary[] {
  return formCatalogue.map(({ key, version, title }) => ({ key, version, title }));
}
