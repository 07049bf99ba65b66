import { Module } from '@nestjs/common';
import { WorklistController } from './worklist.controller';

/** The agents' workbench API. */
@Module({ controllers: [WorklistController] })
export class WorklistModule {}
