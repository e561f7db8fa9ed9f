import { Global, Module } from '@nestjs/common';
import { TaskViews } from '../tasks/task.view';
import { CaseAccess } from './case-access';
import { PersonalDataReadsController } from './personal-data-reads.controller';

/** Need to know, the read log, and the views of tasks every feature shows. */
@Global()
@Module({ controllers: [PersonalDataReadsController], providers: [CaseAccess, TaskViews], exports: [CaseAccess, TaskViews] })
export class AccessModule {}
