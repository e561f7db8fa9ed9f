import { Module } from '@nestjs/common';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { CompletionChecks } from './completion-checks';

@Module({ controllers: [TasksController], providers: [TasksService, CompletionChecks] })
export class TasksModule {}
