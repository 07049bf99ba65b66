import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { Outbox } from '@revisit/messaging';
import { parseRequest } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { EMPI_SETTINGS, type EmpiSettings } from '../empi.settings';
import { mergeEnterprisePatientsIn, unmergeEnterprisePatientsIn } from '../linking/merge-enterprise-patients';
import { type MergeRecord } from '../registry/merge-history.repository';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { EmpiStaffGuard, RequireStaffRoles, Staff, type StaffPrincipal } from './staff-access';

const EnterpriseId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const MergeBody = Type.Object(
  {
    survivingEnterpriseId: EnterpriseId,
    retiredEnterpriseId: EnterpriseId,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const UnmergeBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    reasonCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' })),
  },
  { additionalProperties: false },
);

const mergeView = (m: MergeRecord, unmerged = false) => ({
  id: m.id,
  survivingEnterpriseId: m.survivingEnterpriseId,
  retiredEnterpriseId: m.retiredEnterpriseId,
  movedSourceRecords: m.movedSourceRecordIds.length,
  method: m.method,
  mergedBy: m.mergedBy,
  mergedAt: m.mergedAt.toISOString(),
  unmerged,
});

/** Manual merge and unmerge of enterprise patients: supervisors and admins only, audited with the reason. */
@Controller('v1/empi/merges')
@UseGuards(EmpiStaffGuard)
@RequireStaffRoles('supervisor', 'admin')
export class EmpiMergesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(EMPI_SETTINGS) private readonly settings: EmpiSettings,
  ) {}

  @Post()
  @HttpCode(201)
  async merge(@Body() body: unknown, @Staff() staff: StaffPrincipal) {
    const command = parseRequest(MergeBody, body);
    return this.dataSource.transaction(async (manager) => {
      await new EmpiRegistryRepository(manager).lockRegistry();
      const { merge, events } = await mergeEnterprisePatientsIn(
        manager,
        { ...command, method: 'MANUAL', staffId: staff.staffId },
        { orgId: this.settings.orgId, now: new Date() },
      );
      await this.outbox.enqueueAll(manager, events);
      return mergeView(merge);
    });
  }

  @Post(':id/unmerge')
  @HttpCode(200)
  async unmerge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Staff() staff: StaffPrincipal) {
    const { reason, reasonCode } = parseRequest(UnmergeBody, body);
    return this.dataSource.transaction(async (manager) => {
      await new EmpiRegistryRepository(manager).lockRegistry();
      const { merge, events } = await unmergeEnterprisePatientsIn(
        manager,
        { mergeId: id, staffId: staff.staffId, reason, ...(reasonCode ? { reasonCode } : {}) },
        { orgId: this.settings.orgId, now: new Date() },
      );
      await this.outbox.enqueueAll(manager, events);
      return mergeView(merge, true);
    });
  }
}
