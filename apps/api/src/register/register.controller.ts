import { Controller, Get, Query } from '@nestjs/common';
import { CaseAccess } from '../access/case-access';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CHILD_SEXES, PLACEMENT_TYPES, StaffMember } from '@hearth/domain';
import { CarerRegisterRepository } from '@hearth/persistence';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { RegisterEntryView, RegisterPage } from './register.view';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class RegisterQueryDto {
  @ApiPropertyOptional({ enum: PLACEMENT_TYPES }) @IsOptional() @IsIn(PLACEMENT_TYPES) placementType?: string;
  @ApiPropertyOptional({ description: "The child's age in years" }) @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(17) age?: number;
  @ApiPropertyOptional({ example: 'ckb' }) @IsOptional() @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/) language?: string;
  @ApiPropertyOptional({ enum: CHILD_SEXES }) @IsOptional() @IsIn(CHILD_SEXES) sex?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'householdId of the last entry of the previous page' }) @IsOptional() @IsUUID() after?: string;
}

@ApiTags('carers')
@ApiBearerAuth()
@Controller('carers')
export class RegisterController {
  constructor(
    private readonly register: CarerRegisterRepository,
    private readonly access: CaseAccess,
  ) {}

  /** Any member of staff: approved carer households with their terms and free places. */
  @Get('register')
  @ApiOkResponse({ type: RegisterPage })
  async search(@CurrentActor() actor: StaffMember, @Query() query: RegisterQueryDto): Promise<RegisterPage> {
    const limit = query.limit ?? 50;
    const items = await this.register.search({ ...query, limit, afterHouseholdId: query.after });
    await this.access.logRead(actor, items.map((entry) => entry.caseRef), ['displayName', 'area'], 'GET /carers/register');
    return { items: items.map(RegisterEntryView.of), next: items.length === limit ? items[items.length - 1].householdId : null };
  }
}
