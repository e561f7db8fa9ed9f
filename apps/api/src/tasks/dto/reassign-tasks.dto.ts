import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

export class ReassignTasksDto {
  @ApiPropertyOptional({ type: [String], description: 'The tasks to move; or give fromWorkerId to move every open task a worker holds' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  taskIds?: string[];

  @ApiPropertyOptional({ description: "Move every open task this worker holds (someone off sick)" }) @IsOptional() @IsUUID() fromWorkerId?: string;

  @ApiProperty({ description: 'Who takes the tasks' }) @IsUUID() toWorkerId!: string;
}

export class TaskMoveRefusal {
  @ApiProperty() taskId!: string;
  @ApiProperty() caseRef!: string;
  @ApiProperty({ example: 'separation-of-duties' }) code!: string;
  @ApiProperty() reason!: string;
}

export class TaskMoveResult {
  @ApiProperty({ type: [String] }) moved!: string[];
  @ApiProperty({ type: [TaskMoveRefusal] }) refused!: TaskMoveRefusal[];
}
