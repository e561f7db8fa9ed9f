import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor } from '@hearth/domain';
import { IsString, Matches } from 'class-validator';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { StepRetryView } from './case.view';
import { CasesService } from './cases.service';

export class RetryStepDto {
  @ApiProperty({ example: 'enter-carer-register', description: 'The step a "needs attention" alert names (its `about`)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9:.-]{0,199}$/, { message: 'step must be the step named by the alert, e.g. enter-carer-register' })
  step!: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** An admin asks a case to try again a step that failed for good (a "needs attention" alert). Audited. */
  @Post(':ref/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Repeat the same key to retry safely' })
  @ApiAcceptedResponse({ type: StepRetryView, description: 'The step is being tried again' })
  retry(@CurrentActor() actor: Actor, @Param('ref') ref: string, @Body() body: RetryStepDto, @IdempotencyKey() key: string): Promise<StepRetryView> {
    return this.cases.retry(actor, ref, body.step, key);
  }
}
