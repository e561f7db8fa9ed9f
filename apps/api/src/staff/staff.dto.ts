import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, StaffRole } from '@hearth/domain';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateStaffDto {
  @ApiProperty({ example: 'shilan.ahmed' })
  @IsString()
  @Length(3, 60)
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'username may hold lower-case letters, digits, dots, dashes and underscores' })
  username!: string;

  @ApiProperty({ example: 'Shilan Ahmed' }) @IsString() @Length(1, 120) displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() teamId?: string | null;

  @ApiProperty({ minLength: 10, description: 'The first password; the member of staff changes it' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password!: string;
}

export class ChangeStaffDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles?: StaffRole[];

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID() teamId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the account at once' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10 })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password!: string;
}

export class ListStaffQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
  @ApiPropertyOptional() @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ description: 'Admins only: include deactivated accounts' }) @IsOptional() @Transform(toBoolean) @IsBoolean() includeInactive?: boolean;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @Length(1, 400) cursor?: string;
}

export class CreateTeamDto {
  @ApiProperty({ example: 'Erbil team' }) @IsString() @Length(1, 80) name!: string;
}

export class CreateDelegationDto {
  @ApiProperty({ description: 'Who takes the tasks that arrive meanwhile' }) @IsUUID() delegateId!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+03:00' }) @IsISO8601({ strict: true }) startsAt!: string;
  @ApiProperty({ example: '2026-12-15T00:00:00+03:00' }) @IsISO8601({ strict: true }) endsAt!: string;
}
