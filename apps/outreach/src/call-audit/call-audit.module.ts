import { Module } from '@nestjs/common';
import { CallAuditController } from './call-audit.controller';

/** Sampling rates, the audit queue of sampled recorded calls, and their scores. */
@Module({ controllers: [CallAuditController] })
export class CallAuditModule {}
