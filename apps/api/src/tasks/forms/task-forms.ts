import { BadRequestException } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested, validateSync, ValidationError } from 'class-validator';
import { ApprovalOutcome, ApprovalTerms, departsFromRecommendation } from '@hearth/domain';
import { ApprovalTermsDto } from './approval-terms.dto';

class ReasonsForm {
  @IsString({ message: 'reasons are required: say why' })
  @Length(1, 4000)
  reasons!: string;
}

class ApprovalForm extends ReasonsForm {
  @IsDefined({ message: 'terms are required to approve' })
  @ValidateNested()
  @Type(() => ApprovalTermsDto)
  terms!: ApprovalTermsDto;
}

/** A decision may depart from the panel's recommendation only with a reason of its own. */
class DepartingForm {
  @IsString({ message: 'a decision that departs from the recommended outcome or terms needs its own reason' })
  @Length(1, 4000)
  departureReason!: string;
}

type FormClass = new () => object;

/** Forms whose content Hearth relies on, by form key and outcome; other forms are free notes. */
const formsByOutcome: Record<string, Record<string, FormClass>> = {
  'panel-recommendation': { approve: ApprovalForm, 'not-approve': ReasonsForm, 'defer-to-stage-1': ReasonsForm, 'defer-to-stage-2': ReasonsForm },
  'agency-decision': { approve: ApprovalForm, 'not-approve': ReasonsForm },
};

function validateForm(form: FormClass, data: Record<string, unknown> | undefined): void {
  const errors = validateSync(plainToInstance(form, data ?? {}), { whitelist: false });
  if (errors.length === 0) return;
  const fields = fieldsOf(errors, 'data');
  throw new BadRequestException({
    statusCode: 400,
    error: 'invalid-input',
    message: Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`),
    fields,
  });
}

/** The agency decision departs from the recommendation (another outcome, other terms): it needs `departureReason`. */
export function validateDeparture(recommendation: ApprovalOutcome, outcome: string, data: Record<string, unknown> | undefined): void {
  if (departsFromRecommendation(recommendation, { outcome, terms: data?.terms as ApprovalTerms | undefined })) validateForm(DepartingForm, data);
}

function fieldsOf(errors: ValidationError[], prefix: string, into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = `${prefix}.${error.property}`;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) fieldsOf(error.children, path, into);
  }
  return into;
}

/** Checks a completion's data against its form: a 400 naming each failing field under `data.`. */
export function validateTaskForm(formKey: string, outcome: string, data: Record<string, unknown> | undefined): void {
  const form = formsByOutcome[formKey]?.[outcome];
  if (form) validateForm(form, data);
}
