import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber, STAFF_ROLES, StaffRole, TASK_STATUSES, TASK_TYPES, TaskStatus } from '@hearth/domain';
import { Transform } from 'class-transformer';
import { PageQuery, queryInteger } from '../../common/page.query';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only tasks assigned to me' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  assignedToMe?: boolean;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Only tasks offered to this role' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Only open tasks past their due date' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only tasks of this case, e.g. household:{id}' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  caseRef?: string;

  @ApiPropertyOptional({ example: 'H-2026-0042', description: 'Only tasks of the case with this number' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeCaseNumber(value) : value))
  @Matches(CASE_NUMBER_PATTERN, { message: 'caseNumber looks like H-2026-0042' })
  caseNumber?: string;

  @ApiPropertyOptional({ description: "Team managers: the tasks one worker of their team holds" })
  @IsOptional()
  @IsUUID()
  assignedTo?: string;

  @ApiPropertyOptional({ enum: ['mine'], description: "Every open task of my team's cases" })
  @IsOptional()
  @IsIn(['mine'])
  team?: 'mine';

  @ApiPropertyOptional({ minimum: 0, maximum: 366, description: 'Only tasks due within this many days (overdue ones included)' })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(0)
  @Max(366)
  dueWithinDays?: number;

  @ApiPropertyOptional({ enum: TASK_TYPES, description: 'Only tasks of this type' })
  @IsOptional()
  @IsIn(TASK_TYPES)
  type?: string;
}
