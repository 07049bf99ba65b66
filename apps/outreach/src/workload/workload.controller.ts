import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { type OutreachConfig } from '../config/outreach.config';
import { OUTREACH_CONFIG } from '../config/outreach-config.token';
import { staffIdOf } from '../worklist/agent-identity';
import { WorkloadError, WorkloadErrorCode } from './workload.errors';
import { agentWorkload } from './workload.query';
import { WorkloadQuery } from './workload.schemas';
import { DocumentedQuery } from '../api-docs/typebox-openapi';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** Per-agent workload: supervisors see their team, agents only themselves. */
@ApiTags('workload')
@ApiBearerAuth()
@Controller('v1')
export class WorkloadController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OUTREACH_CONFIG) private readonly config: OutreachConfig,
  ) {}

  @Get('workload')
  @Roles('agent', 'supervisor')
  @DocumentedQuery(WorkloadQuery)
  async workload(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { from, to, agentId } = parseRequest(WorkloadQuery, query);
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1 || days > MAX_DAYS) throw new WorkloadError(WorkloadErrorCode.InvalidPeriod, `${from}..${to}`);
    const self = staffIdOf(principal);
    const supervisor = principal.roles.includes('supervisor');
    if (!supervisor && agentId !== undefined && agentId !== self) {
      throw new WorkloadError(WorkloadErrorCode.OtherAgentsHidden, 'ask for your own workload');
    }
    const agents = await agentWorkload(this.dataSource.manager, {
      orgIds: principal.orgIds,
      from,
      to,
      zone: this.config.ORG_TIMEZONE,
      ...(supervisor ? (agentId === undefined ? {} : { agentId }) : { agentId: self }),
    });
    return { from, to, zone: this.config.ORG_TIMEZONE, agents };
  }
}
