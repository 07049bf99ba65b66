import { Module } from '@nestjs/common';
import { TaskEventsConsumer } from './task-events.consumer';

/** Task intake: the scheduler's task events kept as outreach's own task table. */
@Module({ providers: [TaskEventsConsumer] })
export class TasksModule {}
