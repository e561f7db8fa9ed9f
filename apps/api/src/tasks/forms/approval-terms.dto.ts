import { ApiProperty } from '@nestjs/swagger';
import { CHILD_SEXES, ChildSex, PLACEMENT_TYPES, PlacementType } from '@hearth/domain';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Matches, Max, Min, Validate, ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';

@ValidatorConstraint({ name: 'ageRange' })
class AgeRangeIsOrdered implements ValidatorConstraintInterface {
  validate(ageMax: number, args: ValidationArguments): boolean {
    return typeof ageMax !== 'number' || ageMax >= (args.object as ApprovalTermsDto).ageMin;
  }
  defaultMessage(): string {
    return 'ageMax must be at least ageMin';
  }
}

/** The terms of a carer's approval, as the panel recommends them and the decision maker approves them. */
export class ApprovalTermsDto {
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) maxChildren!: number;
  @ApiProperty({ minimum: 0, maximum: 17 }) @IsInt() @Min(0) @Max(17) ageMin!: number;
  @ApiProperty({ minimum: 0, maximum: 17 }) @IsInt() @Min(0) @Max(17) @Validate(AgeRangeIsOrdered) ageMax!: number;
  @ApiProperty({ enum: CHILD_SEXES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(CHILD_SEXES, { each: true }) sexes!: ChildSex[];
  @ApiProperty({ enum: PLACEMENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PLACEMENT_TYPES, { each: true })
  placementTypes!: PlacementType[];
  @ApiProperty({ example: ['ckb', 'ar'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { each: true, message: 'each language must be a code such as ckb, kmr, ar or en' })
  languages!: string[];
}
