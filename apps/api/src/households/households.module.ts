import { Module } from '@nestjs/common';
import { HouseholdsController } from './households.controller';
import { HouseholdWorkflows } from './household-workflows';
import { HouseholdsService } from './households.service';

@Module({ controllers: [HouseholdsController], providers: [HouseholdsService, HouseholdWorkflows] })
export class HouseholdsModule {}
