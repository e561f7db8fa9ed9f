import { BadRequestException } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested, validateSync, ValidationError } from 'class-validator';
import { ApprovalTermsDto } from './approval-terms.dto';

class ApprovalForm {
  @IsDefined({ message: 'terms are required to approve' })
  @ValidateNested()
  @Type(() => ApprovalTermsDto)
  terms!: ApprovalTermsDto;
}

class ReasonsForm {
  @IsString()
  @Length(1, 4000)
  reasons!: string;
}

type FormClass = new () => object;

/** Forms whose content Hearth relies on, by form key and outcome; other forms are free notes. */
const formsByOutcome: Record<string, Record<string, FormClass>> = {
  'panel-recommendation': { approve: ApprovalForm, 'not-approve': ReasonsForm, 'defer-to-stage-1': ReasonsForm, 'defer-to-stage-2': ReasonsForm },
  'agency-decision': { approve: ApprovalForm, 'not-approve': ReasonsForm },
};

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
  if (!form) return;
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
