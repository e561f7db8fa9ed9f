import { ApiProperty } from '@nestjs/swagger';

/** The case was asked to try the step again; its "needs attention" alert is resolved once the step succeeds. */
export class StepRetryView {
  @ApiProperty({ example: 'household:7d4c…' }) caseRef!: string;
  @ApiProperty({ example: 'enter-carer-register' }) step!: string;
  @ApiProperty({ enum: [true] }) retried!: true;
}
