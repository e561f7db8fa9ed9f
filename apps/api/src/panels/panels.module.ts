import { Module } from '@nestjs/common';
import { PanelsController } from './panels.controller';
import { PanelsService } from './panels.service';

@Module({ controllers: [PanelsController], providers: [PanelsService] })
export class PanelsModule {}
