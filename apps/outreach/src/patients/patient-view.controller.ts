import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { recordViews } from '../security/audit-log';
import { orgScope } from '../security/org-scope';
import { PhoneVisibility } from '../security/phone-visibility';
import { WorklistError, WorklistErrorCode } from '../worklist/worklist.errors';

const PatientId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

interface DemographicsView {
  names?: { text: string; pinyin?: string }[];
  sex?: string;
  birthDate?: string;
  identifiers?: { system: string; value: string; type: string }[];
  phones?: { number: string; kind: string; use?: string }[];
  deceased?: boolean;
}

/** The patient 360 view: identifiers from the EMPI, contact preferences, past follow-ups. Audited. */
@ApiTags('patients')
@ApiBearerAuth()
@Controller('v1/patients')
export class PatientViewController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly phones: PhoneVisibility,
  ) {}

  @Get(':patientId')
  @Roles('agent', 'supervisor', 'auditor')
  async view(@CurrentPrincipal() principal: Principal, @Param('patientId') patientId: string) {
    parseRequest(PatientId, patientId);
    return this.dataSource.transaction(async (manager) => {
      const rows: { org_id: string; demographics: DemographicsView }[] = await manager.query(
        `SELECT org_id, demographics FROM "${OUTREACH_SCHEMA}".patient
          WHERE patient_id = $1 AND org_id = ANY($2::text[]) ORDER BY org_id LIMIT 1`,
        [patientId, orgScope(principal)],
      );
      const row = rows[0];
      // Another organisation's patient answers exactly like a patient that does not exist.
      if (!row) throw new WorklistError(WorklistErrorCode.PatientNotFound, 'no such patient');
      const unmasked = this.phones.seesFullNumbers(principal);
      await recordViews(manager, principal, [
        { orgId: row.org_id, patientId, action: unmasked ? 'patient.phone-unmasked' : 'patient.view', unmasked },
      ]);
      const followUps: unknown[] = await manager.query(
        `SELECT t.id, t.purpose, t.status, t.outcome, t.due_at AS "dueAt", t.attempts
           FROM "${OUTREACH_SCHEMA}".task t WHERE t.org_id = $1 AND t.patient_id = $2 ORDER BY t.due_at DESC LIMIT 50`,
        [row.org_id, patientId],
      );
      const d = row.demographics;
      return {
        patientId,
        orgId: row.org_id,
        names: d.names ?? [],
        sex: d.sex,
        birthDate: d.birthDate,
        identifiers: (d.identifiers ?? []).map((id) => ({
          system: id.system,
          type: id.type,
          value: id.type === 'NI' && !unmasked ? `${id.value.slice(0, 4)}**********${id.value.slice(-4)}` : id.value,
        })),
        phones: (d.phones ?? []).map((phone) => ({ ...phone, number: this.phones.show(principal, phone.number) })),
        deceased: d.deceased ?? false,
        preferences: await new ContactPreferenceRepository(manager).get(row.org_id, patientId),
        followUps,
      };
    });
  }
}
