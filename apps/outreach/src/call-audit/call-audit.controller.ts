import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { Outbox } from '@revisit/messaging';
import { DataSource } from 'typeorm';
import { pickOrganisation } from '../security/org-scope';
import { staffIdOf } from '../worklist/agent-identity';
import { listSampledCalls, scoreSampledCall } from './audit-queue';
import { CallAuditError, CallAuditErrorCode } from './call-audit.errors';
import {
  AgentIdParam,
  AuditQueueQuery,
  CallIdParam,
  SamplingQuery,
  SamplingRateBody,
  ScoreBody,
} from './call-audit.schemas';
import { ORG_DEFAULT_AGENT } from './call-sampling';
import { samplingRates, setSamplingRate } from './sampling-rates';
import { DocumentedBody, DocumentedQuery } from '../api-docs/typebox-openapi';

/**
 * Quality audit of recorded calls. Agents have no route here at all: the rates and the draws stay with
 * supervisors and auditors, so an agent cannot tell which calls will be heard.
 */
@ApiTags('call-audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class CallAuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  @Get('sampling')
  @Roles('supervisor', 'auditor')
  @DocumentedQuery(SamplingQuery)
  rates(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const orgId = organisationOf(principal, parseRequest(SamplingQuery, query).orgId);
    return samplingRates(this.dataSource.manager, orgId);
  }

  /** The organisation's default rate, for agents without their own. */
  @Put('sampling')
  @Roles('supervisor')
  @DocumentedBody(SamplingRateBody)
  async setDefault(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const input = parseRequest(SamplingRateBody, body);
    const orgId = organisationOf(principal, input.orgId);
    await setSamplingRate(this.dataSource.manager, orgId, ORG_DEFAULT_AGENT, input.rate, staffIdOf(principal));
    return { orgId, defaultRate: input.rate };
  }

  @Put('sampling/:agentId')
  @Roles('supervisor')
  @DocumentedBody(SamplingRateBody)
  async setForAgent(
    @CurrentPrincipal() principal: Principal,
    @Param('agentId') agentId: string,
    @Body() body: unknown,
  ) {
    const agent = parseRequest(AgentIdParam, agentId);
    const input = parseRequest(SamplingRateBody, body);
    const orgId = organisationOf(principal, input.orgId);
    await setSamplingRate(this.dataSource.manager, orgId, agent, input.rate, staffIdOf(principal));
    return { orgId, agentId: agent, rate: input.rate };
  }

  @Get('calls')
  @Roles('supervisor', 'auditor')
  @DocumentedQuery(AuditQueueQuery)
  calls(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const q = parseRequest(AuditQueueQuery, query);
    return this.dataSource.transaction((manager) =>
      listSampledCalls(manager, principal, {
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.agentId === undefined ? {} : { agentId: q.agentId }),
        limit: q.limit === undefined ? 50 : Number(q.limit),
      }),
    );
  }

  @Post('calls/:callId/score')
  @HttpCode(200)
  @Roles('supervisor', 'auditor')
  @DocumentedBody(ScoreBody)
  score(@CurrentPrincipal() principal: Principal, @Param('callId') callId: string, @Body() body: unknown) {
    const id = parseRequest(CallIdParam, callId);
    const input = parseRequest(ScoreBody, body);
    return this.dataSource.transaction((manager) =>
      scoreSampledCall(manager, this.outbox, principal.orgIds, id, {
        criteria: input.criteria,
        ...(input.comment === undefined ? {} : { comment: input.comment }),
        scoredBy: staffIdOf(principal),
        now: new Date(),
      }),
    );
  }
}

function organisationOf(principal: Principal, orgId: string | undefined): string {
  const picked = pickOrganisation(principal, orgId);
  if ('orgId' in picked) return picked.orgId;
  throw picked.problem === 'not-found'
    ? new CallAuditError(CallAuditErrorCode.OrganisationNotFound, 'not one of your organisations')
    : new CallAuditError(CallAuditErrorCode.OrganisationRequired, 'pass orgId');
}
