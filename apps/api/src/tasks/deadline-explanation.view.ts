import { ApiProperty } from '@nestjs/swagger';
import { DeadlineExplanation, SkippedDay } from '@hearth/domain';

class RuleDurationView {
  @ApiProperty({ type: 'integer', example: 20 }) amount!: number;
  @ApiProperty({ enum: ['working-days', 'calendar-days', 'weeks', 'months', 'seconds'] }) unit!: DeadlineExplanation['offset']['unit'];
}

class SkippedDayView implements SkippedDay {
  @ApiProperty({ example: '2026-03-20' }) date!: string;
  @ApiProperty({ enum: ['weekend', 'day-off'] }) reason!: SkippedDay['reason'];
  @ApiProperty({ nullable: true, type: String, example: 'Nawroz' }) name!: string | null;
}

/** Why a task is due when it is: the rule and pack version that set the date, and the days not counted. */
export class DeadlineExplanationView implements DeadlineExplanation {
  @ApiProperty({ example: 'stage-1.check' }) ruleId!: string;
  @ApiProperty({ example: 'agency rule: each stage 1 check within 20 working days' }) source!: string;
  @ApiProperty({ example: 'krg' }) rulePackId!: string;
  @ApiProperty({ type: 'integer', example: 2 }) rulePackVersion!: number;
  @ApiProperty({ type: RuleDurationView }) offset!: RuleDurationView;
  @ApiProperty({ example: 'task-opened', description: 'The event the clock runs from' }) anchor!: string;
  @ApiProperty({ example: '2026-11-02', description: "The anchor's date on the jurisdiction's clock" }) anchorDate!: string;
  @ApiProperty({ example: '2026-11-30', description: "The due date on the jurisdiction's clock" }) dueDate!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
  @ApiProperty({ type: [SkippedDayView], description: 'Weekend days and days off between the anchor and the due date' }) skipped!: SkippedDayView[];
}
