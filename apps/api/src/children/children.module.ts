import { Module } from '@nestjs/common';
import { ChildWorkflows } from './child-workflows';
import { ChildrenController } from './children.controller';
import { ChildrenService } from './children.service';

@Module({ controllers: [ChildrenController], providers: [ChildrenService, ChildWorkflows], exports: [ChildrenService] })
export class ChildrenModule {}
