import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { formLanguageOf, StaffMember } from '@hearth/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { CompleteTaskDto } from './dto/complete-task.dto';
import { ListTasksQuery } from './dto/list-tasks.query';
import { ReassignTasksDto, TaskMoveResult } from './dto/reassign-tasks.dto';
import { DeadlineExplanationView } from './deadline-explanation.view';
import { TaskPage, TaskView } from './task.view';
import { TasksService } from './tasks.service';

const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', required: true, description: 'Repeat the same key to retry safely' };

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** Any member of staff: their work list (or a case's, their team's, a worker's), soonest due first. */
  @Get()
  @ApiOkResponse({ type: TaskPage })
  list(@CurrentActor() actor: StaffMember, @Query() query: ListTasksQuery): Promise<TaskPage> {
    return this.tasks.list(actor, query);
  }

  /** A team manager moves tasks of their team to another worker: named tasks, or all a worker holds. */
  @Post('reassign')
  @HttpCode(200)
  @Roles('team-manager')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: TaskMoveResult })
  reassign(@CurrentActor() actor: StaffMember, @Body() body: ReassignTasksDto, @IdempotencyKey() key: string): Promise<TaskMoveResult> {
    return this.tasks.reassign(actor, body, key);
  }

  /** Anyone who may see the task's case. */
  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  get(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<TaskView> {
    return this.tasks.get(actor, id);
  }

  /** Anyone who may see the task's case: why it is due when it is (rule, pack version, days not counted). */
  @Get(':id/why-due')
  @ApiOkResponse({ type: DeadlineExplanationView })
  whyDue(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string): Promise<DeadlineExplanationView> {
    return this.tasks.whyDue(actor, id);
  }

  /** The assignee or a holder of the task's role: record the outcome; the case moves on. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: TaskView })
  @ApiHeader({ name: 'Accept-Language', required: false, description: "The language of the form's field messages: ckb, kmr, ar or en (the default)" })
  complete(
    @CurrentActor() actor: StaffMember,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteTaskDto,
    @IdempotencyKey() key: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<TaskView> {
    return this.tasks.complete(actor, id, body, key, formLanguageOf(acceptLanguage));
  }

  /** A holder of the task's role takes a task offered to that role. */
  @Post(':id/claim')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: TaskView })
  claim(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @IdempotencyKey() key: string): Promise<TaskView> {
    return this.tasks.claim(actor, id, key);
  }

  /** The holder, or their team manager, gives the task back to its role. */
  @Post(':id/release')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOkResponse({ type: TaskView })
  release(@CurrentActor() actor: StaffMember, @Param('id', new ParseUUIDPipe()) id: string, @IdempotencyKey() key: string): Promise<TaskView> {
    return this.tasks.release(actor, id, key);
  }
}
