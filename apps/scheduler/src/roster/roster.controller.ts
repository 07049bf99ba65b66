import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { parseRequest, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { CallerId, CallerOrg } from '../access/caller-org';
import { PLAN_WRITERS, STAFF_READERS } from '../access/staff-roles';
import { RosterError, RosterErrorCode } from './roster.errors';
import { RosterRepository, type StoredRoster } from './roster.repository';
import { RosterSchema } from './roster.types';
import { rosterIssues } from './validate-roster';

const HistoryQuery = Type.Object(
  {
    org: Type.Optional(Type.String()),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|100)$' })),
  },
  { additionalProperties: false },
);

/**
 * The organisation's roster (agents, shifts, capacity per call slot) the dispatcher assigns due tasks by.
 * Each PUT stores a new version with who made it; the newest is in force from the next dispatch round.
 */
@Controller('v1/roster')
export class RosterController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...STAFF_READERS)
  async current(@CallerOrg() orgId: string): Promise<StoredRoster> {
    const stored = await new RosterRepository(this.dataSource.manager).current(orgId);
    if (stored === undefined) throw new RosterError(RosterErrorCode.NotFound, 'no roster was stored yet');
    return stored;
  }

  @Put()
  @Roles(...PLAN_WRITERS)
  async replace(
    @CallerOrg() orgId: string,
    @CallerId() changedBy: string | null,
    @Body() body: unknown,
  ): Promise<StoredRoster> {
    const roster = parseRequest(RosterSchema, body);
    const issues = rosterIssues(roster);
    if (issues.length > 0) throw new RosterError(RosterErrorCode.Invalid, `${issues.length} problem(s)`, issues);
    return this.dataSource.transaction((manager) => new RosterRepository(manager).append(orgId, roster, changedBy));
  }

  @Get('versions')
  @Roles(...PLAN_WRITERS, 'auditor')
  async versions(@CallerOrg() orgId: string, @Query() query: unknown): Promise<{ versions: StoredRoster[] }> {
    const { limit } = parseRequest(HistoryQuery, query);
    const versions = await new RosterRepository(this.dataSource.manager).history(orgId, Number(limit ?? 20));
    return { versions };
  }
}
