import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { parseRequest, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { type Bundle } from '../cli/fhir-types';
import { CallerOrg } from '../access/caller-org';
import { PLAN_WRITERS, STAFF_READERS } from '../access/staff-roles';
import { PlanStoreError, PlanStoreErrorCode } from './plan-store.errors';
import { type PlanVersionSummary, PlanVersionRepository } from './plan-version.repository';
import { ActivatePlanVersion, type ActivationOutcome } from './use-cases/activate-plan-version';
import { PreviewPlan, type PreviewOutcome } from './use-cases/preview-plan';
import { SubmitPlanVersion } from './use-cases/submit-plan-version';

const PlanId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });
const MAX_YAML = 256 * 1024;

const SubmitBody = Type.Object(
  { yaml: Type.String({ minLength: 1, maxLength: MAX_YAML }) },
  { additionalProperties: false },
);
const PreviewBody = Type.Object(
  {
    plan: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_YAML })),
    planId: Type.Optional(PlanId),
    bundle: Type.Optional(Type.Object({ resourceType: Type.Literal('Bundle') })),
    events: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 10_000 })),
    now: Type.Optional(Type.String({ format: 'date-time' })),
    tz: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
const VersionParams = Type.Object({ id: PlanId, version: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) });

interface PlanListing {
  readonly id: string;
  readonly latestVersion: number;
  readonly activeVersion: number | null;
  readonly versions: PlanVersionSummary[];
}

/**
 * An organisation's follow-up plans: versions as submitted, the one in force, and dry runs. The org comes
 * from the caller's staff token; admins and supervisors change plans, every staff role reads them.
 */
@Controller('v1/plans')
export class PlansController {
  private readonly submit: SubmitPlanVersion;
  private readonly previewer: PreviewPlan;

  constructor(
    private readonly dataSource: DataSource,
    private readonly activation: ActivatePlanVersion,
  ) {
    this.submit = new SubmitPlanVersion(dataSource);
    this.previewer = new PreviewPlan(dataSource);
  }

  @Post()
  @Roles(...PLAN_WRITERS)
  @HttpCode(201)
  async create(@CallerOrg() orgId: string, @Body() body: unknown): Promise<{ id: string; version: number }> {
    const { yaml } = parseRequest(SubmitBody, body);
    const plan = await this.submit.execute(orgId, yaml);
    return { id: plan.id, version: plan.version };
  }

  @Get()
  @Roles(...STAFF_READERS)
  async list(@CallerOrg() orgId: string): Promise<{ plans: PlanListing[] }> {
    const versions = await new PlanVersionRepository(this.dataSource.manager).list(orgId);
    const byPlan = new Map<string, PlanVersionSummary[]>();
    for (const version of versions) byPlan.set(version.planId, [...(byPlan.get(version.planId) ?? []), version]);
    return {
      plans: [...byPlan.entries()].map(([id, list]) => ({
        id,
        latestVersion: list[0]!.version,
        activeVersion: list.find((v) => v.active)?.version ?? null,
        versions: list,
      })),
    };
  }

  @Get(':id')
  @Roles(...STAFF_READERS)
  async get(@CallerOrg() orgId: string, @Param('id') id: string): Promise<object> {
    parseRequest(Type.Object({ id: PlanId }), { id });
    const versions = await new PlanVersionRepository(this.dataSource.manager).versionsOf(orgId, id);
    if (versions.length === 0) throw new PlanStoreError(PlanStoreErrorCode.NotFound, `no plan ${id}`);
    return {
      id,
      activeVersion: versions.find((v) => v.active)?.version ?? null,
      versions: versions.map(({ sourceYaml, document, ...summary }) => ({ ...summary, yaml: sourceYaml, document })),
    };
  }

  @Post(':id/versions/:version/activate')
  @Roles(...PLAN_WRITERS)
  @HttpCode(200)
  async activate(@CallerOrg() orgId: string, @Param() params: unknown): Promise<ActivationOutcome> {
    const { id, version } = parseRequest(VersionParams, params);
    return this.activation.execute(orgId, id, Number(version));
  }

  @Post('preview')
  @Roles(...STAFF_READERS)
  @HttpCode(200)
  async preview(@CallerOrg() orgId: string, @Body() body: unknown): Promise<PreviewOutcome> {
    const input = parseRequest(PreviewBody, body);
    return this.previewer.execute({
      orgId,
      ...(input.plan === undefined ? {} : { planYaml: input.plan }),
      ...(input.planId === undefined ? {} : { planId: input.planId }),
      ...(input.bundle === undefined ? {} : { bundle: input.bundle as unknown as Bundle }),
      ...(input.events === undefined ? {} : { events: input.events }),
      now: input.now ?? new Date().toISOString(),
      ...(input.tz === undefined ? {} : { timezone: input.tz }),
    });
  }
}
