import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Outbox } from '@revisit/messaging';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { savePreferences } from '../contact/apply-preference-flag';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { orgScope } from '../security/org-scope';
import { staffIdOf } from '../worklist/agent-identity';
import { WorklistError, WorklistErrorCode } from '../worklist/worklist.errors';

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const Consent = Type.Union([Type.Literal('granted'), Type.Literal('withdrawn'), Type.Literal('unknown')]);
const PreferencesBody = Type.Object(
  {
    consent: Type.Optional(Type.Object({ care: Consent, marketing: Consent }, { additionalProperties: false })),
    doNotDisturb: Type.Optional(
      Type.Array(
        Type.Object(
          {
            from: Type.String({ pattern: HHMM }),
            to: Type.String({ pattern: HHMM }),
            daysOfWeek: Type.Optional(
              Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, uniqueItems: true }),
            ),
            validFrom: Type.Optional(Type.String({ format: 'date' })),
            validUntil: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Consent per purpose and personal do-not-disturb periods, as told by the patient to an agent. */
@ApiTags('patients')
@ApiBearerAuth()
@Controller('v1/patients')
export class PreferencesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  @Put(':patientId/preferences')
  @Roles('agent', 'supervisor')
  async update(@CurrentPrincipal() principal: Principal, @Param('patientId') patientId: string, @Body() body: unknown) {
    const change = parseRequest(PreferencesBody, body);
    return this.dataSource.transaction(async (manager) => {
      const known: { org_id: string }[] = await manager.query(
        `SELECT org_id FROM "${OUTREACH_SCHEMA}".patient WHERE patient_id = $1 AND org_id = ANY($2::text[]) LIMIT 1`,
        [patientId, orgScope(principal)],
      );
      const orgId = known[0]?.org_id;
      if (!orgId) throw new WorklistError(WorklistErrorCode.PatientNotFound, 'no such patient');
      const current = await new ContactPreferenceRepository(manager).lock(orgId, patientId);
      const updated = {
        ...current,
        ...(change.consent === undefined ? {} : { consent: change.consent }),
        ...(change.doNotDisturb === undefined ? {} : { doNotDisturb: change.doNotDisturb }),
      };
      await savePreferences(manager, this.outbox, orgId, patientId, updated, {
        changedBy: 'staff',
        staffId: staffIdOf(principal),
        at: new Date(),
      });
      return updated;
    });
  }
}
