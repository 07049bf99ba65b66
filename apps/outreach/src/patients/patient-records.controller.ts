import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PhoneNumber } from '@revisit/domain';
import { CurrentPrincipal, parseRequest, type Principal, RequestValidationError, Roles } from '@revisit/platform';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentedBody } from '../api-docs/typebox-openapi';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { type AuditedAction, recordViews } from '../security/audit-log';
import { orgScope } from '../security/org-scope';
import { PhoneVisibility } from '../security/phone-visibility';
import { staffIdOf } from '../worklist/agent-identity';
import { WorklistError, WorklistErrorCode } from '../worklist/worklist.errors';
import { findPatientOrg } from './patient-360.query';
import { patientGroup } from './patient-group';
import { PatientIdParam, ReferralBody, SpecialDateBody, TagsBody } from './patient-records.schemas';

const S = `"${OUTREACH_SCHEMA}"`;

/** What agents learn on a call and record on the patient: tags, birthdays and anniversaries, referrals. */
@ApiTags('patients')
@ApiBearerAuth()
@Controller('v1/patients')
export class PatientRecordsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly phones: PhoneVisibility,
  ) {}

  /** Replaces the hand-set tags (e.g. important patient, 重点患者). */
  @Put(':patientId/tags')
  @Roles('agent', 'supervisor')
  @DocumentedBody(TagsBody)
  async setTags(
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Body() body: unknown,
  ) {
    const { tags } = parseRequest(TagsBody, body);
    return this.onPatient(principal, patientId, 'patient.tags-changed', async (manager, orgId, root) => {
      await manager.query(`DELETE FROM ${S}.patient_tag WHERE org_id = $1 AND patient_id = $2`, [orgId, root]);
      for (const tag of tags) {
        await manager.query(`INSERT INTO ${S}.patient_tag (org_id, patient_id, tag, set_by) VALUES ($1, $2, $3, $4)`, [
          orgId,
          root,
          tag,
          staffIdOf(principal),
        ]);
      }
      return { patientId: root, tags: [...tags].sort() };
    });
  }

  @Post(':patientId/special-dates')
  @Roles('agent', 'supervisor')
  @DocumentedBody(SpecialDateBody)
  async addSpecialDate(
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Body() body: unknown,
  ) {
    const input = parseRequest(SpecialDateBody, body);
    const parts = input.date.split('-').map(Number);
    const [year, month, day] = parts.length === 3 ? parts : [undefined, ...parts];
    // 02-29 without a year is a real birthday; with a year it must be a leap year.
    if (!DateTime.fromObject({ year: year ?? 2000, month, day }).isValid) {
      throw new RequestValidationError([{ field: '/date', message: 'is not a calendar date' }]);
    }
    return this.onPatient(principal, patientId, 'patient.special-date-recorded', async (manager, orgId, root) => {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO ${S}.special_date (id, org_id, patient_id, kind, month, day, year, label, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, orgId, root, input.kind, month, day, year ?? null, input.label ?? null, staffIdOf(principal)],
      );
      return { id, patientId: root, kind: input.kind, month, day, year, label: input.label };
    });
  }

  /** A referral (转介绍): someone the patient recommends us to, with their consent to be called. */
  @Post(':patientId/referrals')
  @Roles('agent', 'supervisor')
  @DocumentedBody(ReferralBody)
  async addReferral(
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Body() body: unknown,
  ) {
    const input = parseRequest(ReferralBody, body);
    const phone = PhoneNumber.parse(input.phone);
    if (!phone.ok) throw new RequestValidationError([{ field: '/phone', message: 'is not a mainland China number' }]);
    return this.onPatient(principal, patientId, 'patient.referral-recorded', async (manager, orgId, root) => {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO ${S}.referral (id, org_id, patient_id, referred_name, referred_phone, relation, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, orgId, root, input.name, phone.phone.e164, input.relation, input.note ?? null, staffIdOf(principal)],
      );
      return {
        id,
        patientId: root,
        name: input.name,
        phone: this.phones.show(principal, phone.phone.e164),
        relation: input.relation,
        note: input.note,
      };
    });
  }

  /** Runs a change on the surviving id of a patient the caller may see (404 otherwise), audited with it. */
  private onPatient<T>(
    principal: Principal,
    patientId: string,
    action: AuditedAction,
    change: (manager: EntityManager, orgId: string, root: string) => Promise<T>,
  ): Promise<T> {
    parseRequest(PatientIdParam, patientId);
    return this.dataSource.transaction(async (manager) => {
      const orgId = await findPatientOrg(manager, patientId, orgScope(principal));
      if (!orgId) throw new WorklistError(WorklistErrorCode.PatientNotFound, 'no such patient');
      const { root } = await patientGroup(manager, orgId, patientId);
      const result = await change(manager, orgId, root);
      await recordViews(manager, principal, [{ orgId, patientId: root, action }]);
      return result;
    });
  }
}
