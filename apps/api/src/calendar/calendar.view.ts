import { ApiProperty } from '@nestjs/swagger';
import { DAY_OFF_KINDS, DayOffKind } from '@hearth/domain';

/** A day off in a jurisdiction's calendar: a holiday, a closure or a substitute day. */
export class DayOffView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'KRG' }) jurisdiction!: string;
  @ApiProperty({ format: 'date', example: '2026-12-03' }) date!: string;
  @ApiProperty({ example: 'Heat closure' }) name!: string;
  @ApiProperty({ enum: DAY_OFF_KINDS }) kind!: DayOffKind;
  @ApiProperty({ enum: ['declared', 'seeded'], description: 'Declared by an admin, or seeded as a fixed-date holiday' }) source!: 'declared' | 'seeded';
}

/** How far a calendar change has got in moving open deadlines (follow `href`). */
export class CalendarChangeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '/calendar/changes/7d4c…' }) href!: string;
  @ApiProperty({ enum: ['pending', 'running', 'done'] }) status!: 'pending' | 'running' | 'done';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed: the action and the day (or days) concerned' }) cause!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: 'integer', description: 'Cases told so far' }) casesSignalled!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt!: string | null;
}

export class DayOffDeclaredView {
  @ApiProperty({ type: DayOffView }) day!: DayOffView;
  @ApiProperty({ description: 'false when the day was already off: nothing changed' }) created!: boolean;
  @ApiProperty({ nullable: true, type: CalendarChangeView, description: 'The deadlines moving; null when nothing changed' }) change!: CalendarChangeView | null;
}

export class DayOffCorrectedView {
  @ApiProperty({ type: DayOffView }) day!: DayOffView;
  @ApiProperty({ nullable: true, type: CalendarChangeView, description: 'The deadlines moving; null when the date stayed the same' }) change!: CalendarChangeView | null;
}

export class DayOffRemovedView {
  @ApiProperty({ type: DayOffView }) day!: DayOffView;
  @ApiProperty({ type: CalendarChangeView, description: 'The deadlines moving back' }) change!: CalendarChangeView;
}

/** One open deadline a proposed day off would move. */
export class CalendarPreviewMove {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ example: 'background-check' }) type!: string;
  @ApiProperty({ example: 'background-check', description: "The task's form: its title names the task in every language" }) formKey!: string;
  @ApiProperty({ nullable: true, type: String, example: 'H-2026-0042' }) caseNumber!: string | null;
  @ApiProperty({ format: 'date', example: '2026-12-03', description: "Due now, on the jurisdiction's clock" }) dueDate!: string;
  @ApiProperty({ format: 'date', example: '2026-12-06', description: 'Due after the change' }) newDueDate!: string;
  @ApiProperty({ example: 'Asia/Baghdad' }) timeZone!: string;
}

/** What declaring or removing a day off would move, before anyone does it. */
export class CalendarPreviewView {
  @ApiProperty({ example: 'KRG' }) jurisdiction!: string;
  @ApiProperty({ format: 'date', example: '2026-12-03' }) date!: string;
  @ApiProperty({ type: 'integer', description: 'Open deadlines that would move' }) total!: number;
  @ApiProperty({ type: [CalendarPreviewMove], description: 'The first 100 of them, soonest due first' }) moves!: CalendarPreviewMove[];
}
