import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { Actor, isLocalDate } from '@hearth/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarService } from './calendar.service';

@ValidatorConstraint({ name: 'localDate' })
class IsLocalDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isLocalDate(value);
  }
  defaultMessage(): string {
    return 'date must be a real calendar date, YYYY-MM-DD';
  }
}

export class DeclareClosureDto {
  @ApiProperty({ example: '2026-12-03' }) @Validate(IsLocalDate) date!: string;
  @ApiProperty({ example: 'Heat closure' }) @IsString() @Length(1, 120) name!: string;
  @ApiPropertyOptional({ enum: ['public-holiday', 'religious-holiday', 'closure'], default: 'closure' })
  @IsOptional()
  @IsIn(['public-holiday', 'religious-holiday', 'closure'])
  kind?: 'public-holiday' | 'religious-holiday' | 'closure';
  @ApiPropertyOptional({ description: "The jurisdiction's calendar; the configured rule pack's by default", example: 'KRG' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  jurisdiction?: string;
}

export class HolidaysQueryDto {
  @ApiPropertyOptional({ example: 'KRG' }) @IsOptional() @IsString() @Length(1, 40) jurisdiction?: string;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  /** An admin declares a holiday or closure; open tasks it affects get new due dates and their timers move. */
  @Post('closures')
  @Roles('admin')
  declare(@CurrentActor() actor: Actor, @Body() body: DeclareClosureDto) {
    return this.calendar.declare(actor, body);
  }

  /** Any member of staff: the declared holidays and closures of a jurisdiction. */
  @Get('holidays')
  holidays(@Query() query: HolidaysQueryDto) {
    return this.calendar.list(query.jurisdiction);
  }
}
