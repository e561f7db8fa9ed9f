import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches } from 'class-validator';

export class CompleteTaskDto {
  @ApiProperty({ description: "One of the task type's outcomes", example: 'visit-arranged' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'outcome must be a lower-case outcome code such as visit-arranged' })
  outcome!: string;

  @ApiPropertyOptional({ description: 'The form the task asks for; kept in PostgreSQL, never in workflow history', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

}
