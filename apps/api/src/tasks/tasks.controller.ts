import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@hearth/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { TaskPage, TaskView } from './task.view';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Any member of staff: the inbox of tasks they may act on, soonest due first. */
  @Get()
  @ApiOkResponse({ type: TaskPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListTasksQuery): Promise<TaskPage> {
    return this.tasks.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TaskView> {
    return this.tasks.get(id);
  }

  /** The assignee or a holder of the task's role: record the outcome; the case moves on. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Repeat the same key to retry safely' })
  @ApiOkResponse({ type: TaskView })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteTaskDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<TaskView> {
    return this.tasks.complete(actor, id, body, idempotencyKey);
  }
}
