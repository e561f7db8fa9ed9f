import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, FORM_LANGUAGES, FormDefinition, formDefinition, FormSummary, formSummaries, Labels, outcomeLabelsOf } from '@hearth/domain';

/** A form as served: its definition, and each outcome's name in every language. */
export type FormDefinitionView = FormDefinition & { outcomeLabels: Record<string, Labels> };

const labelsSchema = {
  type: 'object',
  description: 'One text per staff language',
  properties: Object.fromEntries(FORM_LANGUAGES.map((language) => [language, { type: 'string' }])),
  required: [...FORM_LANGUAGES],
};

const summaryProperties = {
  key: { type: 'string', example: 'panel-recommendation' },
  version: { type: 'integer', example: 1 },
  title: labelsSchema,
};

const formListSchema = {
  type: 'object',
  properties: { items: { type: 'array', items: { type: 'object', properties: summaryProperties, required: ['key', 'version', 'title'] } } },
  required: ['items'],
};

const formDefinitionSchema = {
  type: 'object',
  properties: {
    ...summaryProperties,
    help: labelsSchema,
    outcomes: {
      type: 'object',
      description:
        "For each outcome, the JSON Schema (draft-07) of the completion's `data`, annotated with x-ui (widget, order of fields), x-label, x-help and x-options (labels in ckb, kmr, ar, en) and x-minimum-field (at least the named sibling field)",
      additionalProperties: { type: 'object', additionalProperties: true },
    },
    outcomeLabels: { type: 'object', description: "Each outcome's name in every staff language", additionalProperties: labelsSchema },
  },
  required: ['key', 'version', 'title', 'outcomes', 'outcomeLabels'],
};

@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  /** Any member of staff: every form Hearth asks for, by key and version, with its title. */
  @Get()
  @ApiOkResponse({ schema: formListSchema })
  list(): { items: FormSummary[] } {
    return { items: formSummaries() };
  }

  /** Any member of staff: one version of a form, as the web app renders it and the API checks it. */
  @Get(':key/:version')
  @ApiOkResponse({ schema: formDefinitionSchema })
  get(@Param('key') key: string, @Param('version') version: string): FormDefinitionView {
    const form = /^\d{1,6}$/.test(version) ? formDefinition(key, Number(version)) : undefined;
    if (!form) throw new DomainError('not-found', `no form ${key.slice(0, 100)} version ${version.slice(0, 20)}`);
    return { ...form, outcomeLabels: outcomeLabelsOf(Object.keys(form.outcomes)) };
  }
}
