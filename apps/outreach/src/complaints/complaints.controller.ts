import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { pickOrganisation } from '../security/org-scope';
import { staffIdOf } from '../worklist/agent-identity';
import { ComplaintCases } from './complaint-cases';
import { getCase, listCases } from './complaint-queue';
import { ComplaintRoutingSchema, duplicateDepartments, undefinedDepartments } from './complaint-routing';
import { loadRouting, saveRouting } from './complaint-routing.store';
import { ComplaintError, ComplaintErrorCode } from './complaints.errors';
import {
  AssignComplaintBody,
  ComplaintIdParam,
  ComplaintListQuery,
  OpenComplaintBody,
  ResolveComplaintBody,
  RoutingQuery,
} from './complaints.schemas';
import { DocumentedBody, DocumentedQuery } from '../api-docs/typebox-openapi';

/** Patient feedback cases: agents file them, supervisors work the queue, admins maintain the routing. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('v1')
export class ComplaintsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ComplaintCases,
  ) {}

  @Post('complaints')
  @HttpCode(201)
  @Roles('agent', 'supervisor')
  @DocumentedBody(OpenComplaintBody)
  open(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const { orgId, ...input } = parseRequest(OpenComplaintBody, body);
    // Naming an organisation outside the caller's narrows the scope to nothing: the patient is not found.
    const orgIds = orgId === undefined ? principal.orgIds : principal.orgIds.filter((org) => org === orgId);
    return this.cases.open({ ...input, orgIds, staffId: staffIdOf(principal), now: new Date() });
  }

  @Get('complaints')
  @Roles('supervisor')
  @DocumentedQuery(ComplaintListQuery)
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const q = parseRequest(ComplaintListQuery, query);
    return this.dataSource.transaction((manager) =>
      listCases(manager, principal, {
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.department === undefined ? {} : { department: q.department }),
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.breached === undefined ? {} : { breached: q.breached === 'true' }),
        limit: q.limit === undefined ? 50 : Number(q.limit),
      }),
    );
  }

  @Get('complaints/:complaintId')
  @Roles('supervisor')
  get(@CurrentPrincipal() principal: Principal, @Param('complaintId') id: string) {
    const complaintId = parseRequest(ComplaintIdParam, id);
    return this.dataSource.transaction((manager) => getCase(manager, principal, complaintId));
  }

  @Post('complaints/:complaintId/assign')
  @HttpCode(200)
  @Roles('supervisor')
  @DocumentedBody(AssignComplaintBody)
  assign(@CurrentPrincipal() principal: Principal, @Param('complaintId') id: string, @Body() body: unknown) {
    const input = parseRequest(AssignComplaintBody, body);
    return this.cases.assign(
      principal.orgIds,
      parseRequest(ComplaintIdParam, id),
      input.assigneeStaffId,
      input.departmentCode,
      staffIdOf(principal),
    );
  }

  @Post('complaints/:complaintId/resolve')
  @HttpCode(200)
  @Roles('supervisor')
  @DocumentedBody(ResolveComplaintBody)
  resolve(@CurrentPrincipal() principal: Principal, @Param('complaintId') id: string, @Body() body: unknown) {
    const input = parseRequest(ResolveComplaintBody, body);
    return this.cases.resolve(
      principal.orgIds,
      parseRequest(ComplaintIdParam, id),
      input.resolution,
      input.outcome,
      staffIdOf(principal),
      new Date(),
    );
  }

  @Get('complaint-routing')
  @Roles('admin', 'supervisor')
  @DocumentedQuery(RoutingQuery)
  async routing(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const orgId = organisationOf(principal, parseRequest(RoutingQuery, query).orgId);
    const { routing, isDefault } = await loadRouting(this.dataSource.manager, orgId);
    return { orgId, isDefault, ...routing };
  }

  @Put('complaint-routing')
  @Roles('admin')
  @DocumentedQuery(RoutingQuery)
  @DocumentedBody(ComplaintRoutingSchema)
  async setRouting(@CurrentPrincipal() principal: Principal, @Query() query: unknown, @Body() body: unknown) {
    const orgId = organisationOf(principal, parseRequest(RoutingQuery, query).orgId);
    const routing = parseRequest(ComplaintRoutingSchema, body);
    const missing = undefinedDepartments(routing);
    const twice = duplicateDepartments(routing);
    if (missing.length > 0 || twice.length > 0) {
      throw new ComplaintError(
        ComplaintErrorCode.InvalidRouting,
        [
          ...(missing.length > 0 ? [`undefined departments: ${missing.join(', ')}`] : []),
          ...(twice.length > 0 ? [`departments defined twice: ${twice.join(', ')}`] : []),
        ].join('; '),
      );
    }
    await saveRouting(this.dataSource.manager, orgId, routing, staffIdOf(principal));
    return { orgId, isDefault: false, ...routing };
  }
}

function organisationOf(principal: Principal, orgId: string | undefined): string {
  const picked = pickOrganisation(principal, orgId);
  if ('orgId' in picked) return picked.orgId;
  throw picked.problem === 'not-found'
    ? new ComplaintError(ComplaintErrorCode.OrganisationNotFound, 'not one of your organisations')
    : new ComplaintError(ComplaintErrorCode.OrganisationRequired, 'pass ?orgId=');
}
