import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { Actor, DAY_OFF_KINDS, DayOffKind, isLocalDate } from '@hearth/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarService } from './calendar.service';
import { CalendarChangeView, CalendarPreviewView, DayOffCorrectedView, DayOffDeclaredView, DayOffRemovedView, DayOffView } from './calendar.view';

@ValidatorConstraint({ name: 'localDate' })
class IsLocalDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isLocalDate(value);
  }
  defaultMessage(): string {
    return 'date must be a real calendar date, YYYY-MM-DD';
  }
}

export class DeclareDayOffDto {
  @ApiProperty({ example: '2026-12-03' }) @Validate(IsLocalDate) date!: string;
  @ApiProperty({ example: 'Heat closure' }) @IsString() @Length(1, 120) name!: string;
  @ApiPropertyOptional({ enum: DAY_OFF_KINDS, default: 'closure' }) @IsOptional() @IsIn(DAY_OFF_KINDS) kind?: DayOffKind;
  @ApiPropertyOptional({ description: "The jurisdiction's calendar; the configured rule pack's by default", example: 'KRG' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  jurisdiction?: string;
}

export class CorrectDayOffDto {
  @ApiPropertyOptional({ example: '2026-12-04', description: 'The day actually off, e.g. when Eid is announced a day later' })
  @IsOptional()
  @Validate(IsLocalDate)
  date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional({ enum: DAY_OFF_KINDS }) @IsOptional() @IsIn(DAY_OFF_KINDS) kind?: DayOffKind;
}

export class CalendarPreviewDto {
  @ApiPropertyOptional({ example: '2026-12-03', description: 'A day that would be declared off' }) @IsOptional() @Validate(IsLocalDate) declare?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A day off that would be removed (with `declare`: moved to that date)' }) @IsOptional() @IsUUID() removeId?: string;
  @ApiPropertyOptional({ example: 'KRG' }) @IsOptional() @IsString() @Length(1, 40) jurisdiction?: string;
}

export class HolidaysQueryDto {
  @ApiPropertyOptional({ example: 'KRG' }) @IsOptional() @IsString() @Length(1, 40) jurisdiction?: string;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  /** An admin sees, before declaring, correcting or removing a day off, which open deadlines it would move. */
  @Post('preview')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CalendarPreviewView })
  preview(@Body() body: CalendarPreviewDto): Promise<CalendarPreviewView> {
    return this.calendar.preview(body);
  }

  /** An admin declares a day off (a closure by default); open deadlines it affects move in the background. */
  @Post('closures')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DayOffDeclaredView, description: 'The day is off; `change.href` follows the deadlines moving' })
  declare(@CurrentActor() actor: Actor, @Body() body: DeclareDayOffDto): Promise<DayOffDeclaredView> {
    return this.calendar.declare(actor, { ...body, kind: body.kind ?? 'closure' });
  }

  /** An admin corrects a day off (an Eid announced a day later); deadlines move from both days. */
  @Patch('days-off/:id')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DayOffCorrectedView, description: 'The day is corrected; `change.href` follows the deadlines moving' })
  correct(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CorrectDayOffDto): Promise<DayOffCorrectedView> {
    return this.calendar.correct(actor, id, body);
  }

  /** An admin removes a day off: it is a working day again, and deadlines move back. */
  @Delete('days-off/:id')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DayOffRemovedView, description: 'The day is a working day again; `change.href` follows the deadlines moving back' })
  remove(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string): Promise<DayOffRemovedView> {
    return this.calendar.remove(actor, id);
  }

  /** Any member of staff: the days actually off in a jurisdiction (holidays, closures, substitute days). */
  @Get('holidays')
  @ApiOkResponse({ type: [DayOffView], description: 'In date order' })
  holidays(@Query() query: HolidaysQueryDto): Promise<DayOffView[]> {
    return this.calendar.list(query.jurisdiction);
  }

  /** How far a calendar change has got in moving open deadlines. */
  @Get('changes/:id')
  @ApiOkResponse({ type: CalendarChangeView })
  change(@Param('id', new ParseUUIDPipe()) id: string): Promise<CalendarChangeView> {
    return this.calendar.change(id);
  }
}
