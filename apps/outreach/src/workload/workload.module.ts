import { Module } from '@nestjs/common';
import { WorkloadController } from './workload.controller';

/** Per-agent calls, talk time, completions and audit score. */
@Module({ controllers: [WorkloadController] })
export class WorkloadModule {}
