import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseRequest, type Principal, Roles } from '@revisit/platform';
import { DataSource } from 'typeorm';
import { recordViews } from '../security/audit-log';
import { orgScope } from '../security/org-scope';
import { PhoneVisibility } from '../security/phone-visibility';
import { WorklistError, WorklistErrorCode } from '../worklist/worklist.errors';
import { findPatientOrg, loadPatient360, type Patient360Data } from './patient-360.query';
import { PatientIdParam } from './patient-records.schemas';

/**
 * The patient 360 view: identifiers from the EMPI, tags, special dates, recent dispensings and treatments,
 * past follow-ups and referrals, of the person as the EMPI sees them now (merged ids folded in). Audited.
 */
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
    parseRequest(PatientIdParam, patientId);
    return this.dataSource.transaction(async (manager) => {
      const orgId = await findPatientOrg(manager, patientId, orgScope(principal));
      // Another organisation's patient answers exactly like a patient that does not exist.
      if (!orgId) throw new WorklistError(WorklistErrorCode.PatientNotFound, 'no such patient');
      const data = await loadPatient360(manager, orgId, patientId);
      const unmasked = this.phones.seesFullNumbers(principal);
      const action = unmasked ? 'patient.phone-unmasked' : 'patient.view';
      await recordViews(
        manager,
        principal,
        [...new Set([patientId, data.group.root])].map((id) => ({ orgId, patientId: id, action, unmasked })),
      );
      return this.present(principal, patientId, data, unmasked);
    });
  }

  private present(principal: Principal, requestedId: string, data: Patient360Data, unmasked: boolean) {
    const d = data.demographics;
    const p = data.preferences;
    const show = (phone: string) => this.phones.show(principal, phone);
    const clinical = (kind: string) => data.clinical.filter((f) => f.kind === kind).map((f) => f.summary);
    const reversals = clinical('dispense-reversal');
    return {
      patientId: data.group.root,
      ...(requestedId === data.group.root ? {} : { requestedId }),
      mergedFrom: data.group.members.filter((id) => id !== data.group.root).sort(),
      orgId: data.orgId,
      names: d.names ?? [],
      sex: d.sex,
      birthDate: d.birthDate,
      identifiers: (d.identifiers ?? []).map((id) => ({
        system: id.system,
        type: id.type,
        value: id.type === 'NI' && !unmasked ? `${id.value.slice(0, 4)}**********${id.value.slice(-4)}` : id.value,
      })),
      sourceRecords: data.sourceRecords,
      phones: (d.phones ?? []).map((phone) => ({ ...phone, number: show(phone.number) })),
      deceased: (d.deceased ?? false) || p.deceased,
      tags: [
        ...data.manualTags,
        ...(p.doNotDisturb.length > 0 ? ['do-not-disturb'] : []),
        ...(p.doesNotWantFollowUp ? ['does-not-want-follow-up'] : []),
        ...(p.consent.care === 'withdrawn' ? ['do-not-contact'] : []),
        ...(p.movedAway ? ['moved-away'] : []),
        ...(p.deceased ? ['deceased'] : []),
      ],
      preferences: p,
      specialDates: data.specialDates,
      recentDispensings: clinical('dispensing').map((dispensing) => {
        const reversal = reversals.find((r) => r['dispenseId'] === dispensing['dispenseId']);
        return reversal === undefined ? dispensing : { ...dispensing, reversal };
      }),
      recentTreatments: clinical('procedure'),
      recentEncounters: clinical('encounter'),
      followUps: data.followUps,
      referrals: data.referrals.map((r) => ({ ...r, phone: show(r.phone) })),
    };
  }
}
