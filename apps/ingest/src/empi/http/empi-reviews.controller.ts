import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import { parseRequest } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { EMPI_SETTINGS, type EmpiSettings } from '../empi.settings';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { ReviewQueueRepository } from '../registry/review-queue.repository';
import { decideReviewIn } from '../use-cases/decide-review';
import { reviewView } from './empi-views';
import { EmpiStaffGuard, RequireStaffRoles, Staff, type StaffPrincipal } from './staff-access';

const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(['open', 'linked', 'not-linked', 'obsolete'].map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
  },
  { additionalProperties: false },
);

const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('link'), Type.Literal('not-link')]),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** The POSSIBLE_MATCH work queue: supervisors and admins list and decide. */
@Controller('v1/empi/reviews')
@UseGuards(EmpiStaffGuard)
@RequireStaffRoles('supervisor', 'admin')
export class EmpiReviewsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(EMPI_SETTINGS) private readonly settings: EmpiSettings,
  ) {}

  @Get()
  async list(@Query() query: unknown) {
    const { status, limit } = parseRequest(ListQuery, query);
    const manager = this.dataSource.manager;
    const items = await new ReviewQueueRepository(manager).list(
      (status ?? 'open') as 'open' | 'linked' | 'not-linked' | 'obsolete',
      limit ? Number(limit) : 100,
    );
    const registry = new EmpiRegistryRepository(manager);
    const records = await registry.sourceRecordsByIds(items.map((i) => i.sourceRecordId));
    const byId = new Map(records.map((r) => [r.id, r]));
    return { reviews: items.map((item) => reviewView(item, byId.get(item.sourceRecordId))) };
  }

  @Post(':id/decision')
  @HttpCode(200)
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Staff() staff: StaffPrincipal) {
    const { decision, reason } = parseRequest(DecisionBody, body);
    return this.dataSource.transaction(async (manager) => {
      const result = await decideReviewIn(
        manager,
        { reviewId: id, decision, reason, staffId: staff.staffId },
        { orgId: this.settings.orgId, now: new Date() },
      );
      await this.outbox.enqueueAll(manager, result.events);
      return { id: result.review.id, status: result.review.status, enterpriseId: result.enterpriseId };
    });
  }
}
