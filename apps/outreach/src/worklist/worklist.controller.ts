import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { type OutreachConfig } from '../config/outreach.config';
import { OUTREACH_CONFIG } from '../config/outreach-config.token';
import { type ContactRuleSettings } from '../contact/contact-rules';
import { CONTACT_RULES, WORK_TASK } from '../escalation/escalation.tokens';
import { Outbox } from '@revisit/messaging';
import { orgScope } from '../security/org-scope';
import { PhoneVisibility } from '../security/phone-visibility';
import { leaseOwnerOf, staffIdOf } from './agent-identity';
import { claimTask } from './claim-task';
import { type Caller, type WorkTask } from './work-task';
import { queryWorklistAudited } from './worklist.query';
import {
  AttemptBody,
  CompleteBody,
  HandoverBody,
  RescheduleBody,
  TaskIdParam,
  WorklistQuery,
} from './worklist.schemas';
import { DocumentedBody, DocumentedQuery } from '../api-docs/typebox-openapi';

const AGENTS = ['agent', 'supervisor'] as const;

/** The call-centre agent's workbench: worklist, claim, attempts, completion, rescheduling, handover. */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller('v1')
export class WorklistController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly phones: PhoneVisibility,
    @Inject(WORK_TASK) private readonly work: WorkTask,
    @Inject(CONTACT_RULES) private readonly rules: ContactRuleSettings,
    @Inject(OUTREACH_CONFIG) private readonly config: OutreachConfig,
  ) {}

  /** Tasks due now for the signed-in agent: most urgent first, optionally one call slot only. */
  @Get('worklist')
  @Roles(...AGENTS)
  @DocumentedQuery(WorklistQuery)
  async worklist(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { slot, limit } = parseRequest(WorklistQuery, query);
    const rows = await queryWorklistAudited(
      this.dataSource.manager,
      {
        orgIds: orgScope(principal),
        staffId: staffIdOf(principal),
        leaseOwner: leaseOwnerOf(principal),
        callSlot: slot,
        limit: limit === undefined ? 20 : Number(limit),
        now: new Date(),
      },
      principal,
    );
    return {
      tasks: rows.map((row) => ({
        id: row.id,
        patientId: row.patient_id,
        patientName: row.demographics?.names?.[0]?.text,
        phone: phoneOf(row.demographics, (n) => this.phones.show(principal, n)),
        purpose: row.purpose,
        priority: row.priority,
        callSlot: row.call_slot ?? undefined,
        dueAt: row.next_attempt_at.toISOString(),
        attempts: row.attempts,
        claimedByMe: row.lease_owner === leaseOwnerOf(principal) && (row.lease_expires_at?.getTime() ?? 0) > Date.now(),
      })),
    };
  }

  @Post('tasks/:taskId/claim')
  @HttpCode(200)
  @Roles(...AGENTS)
  async claim(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string) {
    const { leaseExpiresAt } = await claimTask(this.dataSource, this.outbox, this.rules, {
      taskId: parseRequest(TaskIdParam, taskId),
      orgIds: orgScope(principal),
      leaseOwner: leaseOwnerOf(principal),
      staffId: staffIdOf(principal),
      leaseMs: this.config.CLAIM_LEASE_SECONDS * 1000,
      now: new Date(),
    });
    return { taskId, leaseExpiresAt: leaseExpiresAt.toISOString() };
  }

  @Post('tasks/:taskId/attempts')
  @HttpCode(201)
  @Roles(...AGENTS)
  @DocumentedBody(AttemptBody)
  async attempt(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string, @Body() body: unknown) {
    const input = parseRequest(AttemptBody, body);
    const result = await this.work.recordAttempt(parseRequest(TaskIdParam, taskId), caller(principal), {
      disposition: input.disposition,
      startedAt: new Date(input.startedAt),
      endedAt: new Date(input.endedAt),
      talkSeconds: input.talkSeconds,
      ...(input.recordingRef === undefined ? {} : { recordingRef: input.recordingRef }),
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    });
    return result;
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  @Roles(...AGENTS)
  @DocumentedBody(CompleteBody)
  async complete(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string, @Body() body: unknown) {
    const input = parseRequest(CompleteBody, body);
    await this.work.complete(parseRequest(TaskIdParam, taskId), caller(principal), input, new Date());
    return { taskId, status: 'completed' };
  }

  @Post('tasks/:taskId/reschedule')
  @HttpCode(200)
  @Roles(...AGENTS)
  @DocumentedBody(RescheduleBody)
  async reschedule(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string, @Body() body: unknown) {
    const input = parseRequest(RescheduleBody, body);
    await this.work.reschedule(
      parseRequest(TaskIdParam, taskId),
      caller(principal),
      new Date(input.dueAt),
      input.reason,
    );
    return { taskId, dueAt: input.dueAt };
  }

  @Post('tasks/:taskId/handover')
  @HttpCode(201)
  @Roles(...AGENTS)
  @DocumentedBody(HandoverBody)
  async handover(@CurrentPrincipal() principal: Principal, @Param('taskId') taskId: string, @Body() body: unknown) {
    const input = parseRequest(HandoverBody, body);
    return this.work.handOver(
      parseRequest(TaskIdParam, taskId),
      caller(principal),
      input.reason,
      input.doctorStaffId,
      input.note,
    );
  }
}

function caller(principal: Principal): Caller {
  return { orgIds: orgScope(principal), leaseOwner: leaseOwnerOf(principal), staffId: staffIdOf(principal) };
}

function phoneOf(
  demographics: { phones?: { number: string }[] } | null,
  show: (e164: string) => string,
): string | undefined {
  const number = demographics?.phones?.[0]?.number;
  return number === undefined ? undefined : show(number);
}
