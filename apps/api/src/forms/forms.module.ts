import { Module } from '@nestjs/common';
import { FormsController } from './forms.controller';

/** Task forms as data: the catalogue staff's forms are drawn from; completions are checked in form-validator.ts. */
@Module({ controllers: [FormsController] })
export class FormsModule {}
