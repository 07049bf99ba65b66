import { type AnyEventEnvelope, validateEvent } from '@revisit/domain';
import { type DataSource } from 'typeorm';
import { bundleToEvents } from '../../cli/fhir-bundle-to-events';
import { type Bundle } from '../../cli/fhir-types';
import { patientEventsOf } from '../../derivation/catalogue-adapter';
import { type PatientEvent } from '../../derivation/patient-event';
import { isBuiltinTemplateId, loadBuiltinTemplate } from '../../plans/builtin-templates';
import { type PlanDocument } from '../../plans/plan.types';
import { previewTasks, type PreviewRow } from '../../plans/preview-tasks';
import { PlanStoreError, PlanStoreErrorCode } from '../plan-store.errors';
import { PlanVersionRepository } from '../plan-version.repository';
import { parsePlanForOrg } from './submit-plan-version';

export interface PreviewCommand {
  readonly orgId: string;
  readonly planYaml?: string;
  readonly planId?: string;
  readonly bundle?: Bundle;
  readonly events?: readonly unknown[];
  readonly now: string;
  readonly timezone?: string;
}

export interface PreviewOutcome {
  readonly tasks: PreviewRow[];
  readonly cancelled: { readonly step: string; readonly due: string; readonly reason: string }[];
  readonly flags: { readonly dispenseId: string; readonly code: string; readonly message: string }[];
  readonly skipped: string[];
}

/** What a plan would derive from a history, without storing anything: the HTTP twin of `revisit plans preview`. */
export class PreviewPlan {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: PreviewCommand): Promise<PreviewOutcome> {
    const plan = await this.planOf(command);
    const { events, skipped } = this.historyOf(command);
    const { rows, result } = previewTasks(plan, events, {
      now: command.now,
      ...(command.timezone === undefined ? {} : { timezone: command.timezone }),
    });
    return {
      tasks: rows,
      cancelled: result.cancelled.map((task) => ({ step: task.stepId, due: task.due, reason: task.cancelReason })),
      flags: result.flags.map(({ dispenseId, code, message }) => ({ dispenseId, code, message })),
      skipped,
    };
  }

  private async planOf(command: PreviewCommand): Promise<PlanDocument> {
    if (command.planYaml !== undefined)
      return parsePlanForOrg(command.orgId, command.planYaml, { requireOwnOrg: false });
    if (command.planId === undefined) {
      throw new PlanStoreError(PlanStoreErrorCode.PreviewInputMissing, 'send `plan` (YAML) or `planId`');
    }
    const versions = await new PlanVersionRepository(this.dataSource.manager).versionsOf(command.orgId, command.planId);
    const chosen = versions.find((v) => v.active) ?? versions[0];
    if (chosen) return chosen.document;
    if (isBuiltinTemplateId(command.planId)) return loadBuiltinTemplate(command.planId);
    throw new PlanStoreError(PlanStoreErrorCode.NotFound, `no plan ${command.planId} for this organisation`);
  }

  private historyOf(command: PreviewCommand): { events: PatientEvent[]; skipped: string[] } {
    if (command.bundle !== undefined) return bundleToEvents(command.bundle, command.now);
    if (command.events === undefined) {
      throw new PlanStoreError(PlanStoreErrorCode.PreviewInputMissing, 'send `bundle` (FHIR R4) or `events`');
    }
    const envelopes: AnyEventEnvelope[] = [];
    const skipped: string[] = [];
    command.events.forEach((candidate, index) => {
      const checked = validateEvent(candidate);
      if (checked.ok) envelopes.push(checked.event);
      else skipped.push(`events/${index}: not a catalogue event (${checked.code})`);
    });
    return { events: envelopes.flatMap(patientEventsOf), skipped };
  }
}
