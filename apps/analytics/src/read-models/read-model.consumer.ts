import { Inject, Injectable } from '@nestjs/common';
import { type EventEnvelope, type EventType } from '@revisit/domain';
import { EventHandler, type HandlerContext } from '@revisit/messaging';
import { AppointmentProjector } from './appointment.projector';
import { ClinicalProjector } from './clinical.projector';
import { FollowUpProjector } from './followup.projector';
import { OutreachProjector } from './outreach.projector';
import { PatientProjector } from './patient.projector';

export const READ_MODEL_ZONE = Symbol('READ_MODEL_ZONE');

/** Every catalogue event the read models are built from. */
export const READ_MODEL_SUBSCRIPTIONS = [
  'revisit.patient.registered.v1',
  'revisit.patient.updated.v1',
  'revisit.patient.merged.v1',
  'revisit.patient.unmerged.v1',
  'revisit.outreach.contact-preference-changed.v1',
  'revisit.clinical.medication-dispensed.v1',
  'revisit.clinical.medication-dispense-reversed.v1',
  'revisit.clinical.procedure-performed.v1',
  'revisit.clinical.encounter-discharged.v1',
  'revisit.appointment.booked.v1',
  'revisit.appointment.cancelled.v1',
  'revisit.appointment.no-show.v1',
  'revisit.appointment.attended.v1',
  'revisit.followup.task-created.v1',
  'revisit.followup.task-due.v1',
  'revisit.followup.task-rescheduled.v1',
  'revisit.followup.task-cancelled.v1',
  'revisit.followup.task-completed.v1',
  'revisit.followup.cohort-assigned.v1',
  'revisit.outreach.attempt-recorded.v1',
  'revisit.outreach.survey-response-recorded.v1',
  'revisit.outreach.complaint-opened.v1',
  'revisit.outreach.complaint-resolved.v1',
  'revisit.outreach.call-audited.v1',
] as const satisfies readonly EventType[];

/**
 * Kafka edge of the read models: one method per type (the registry binds one handler per type). The runner
 * calls each inside the transaction that records the inbox row, so a redelivered event changes nothing.
 */
@Injectable()
export class ReadModelConsumer {
  private readonly patients: PatientProjector;
  private readonly clinical: ClinicalProjector;
  private readonly appointments: AppointmentProjector;
  private readonly followUp: FollowUpProjector;
  private readonly outreach: OutreachProjector;

  constructor(@Inject(READ_MODEL_ZONE) zone: string) {
    this.patients = new PatientProjector(zone);
    this.clinical = new ClinicalProjector(zone);
    this.appointments = new AppointmentProjector(zone, this.clinical);
    this.followUp = new FollowUpProjector(zone);
    this.outreach = new OutreachProjector(zone);
  }

  @EventHandler('revisit.patient.registered.v1')
  onPatientRegistered(e: EventEnvelope<'revisit.patient.registered.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.patients.registered(manager, e);
  }

  @EventHandler('revisit.patient.updated.v1')
  onPatientUpdated(e: EventEnvelope<'revisit.patient.updated.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.patients.registered(manager, e);
  }

  @EventHandler('revisit.patient.merged.v1')
  onPatientMerged(e: EventEnvelope<'revisit.patient.merged.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.patients.merged(manager, e);
  }

  @EventHandler('revisit.patient.unmerged.v1')
  onPatientUnmerged(e: EventEnvelope<'revisit.patient.unmerged.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.patients.unmerged(manager, e);
  }

  @EventHandler('revisit.outreach.contact-preference-changed.v1')
  onContactPreferences(
    e: EventEnvelope<'revisit.outreach.contact-preference-changed.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.patients.contactPreferences(manager, e);
  }

  @EventHandler('revisit.clinical.medication-dispensed.v1')
  onDispensed(
    e: EventEnvelope<'revisit.clinical.medication-dispensed.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.clinical.dispensed(manager, e);
  }

  @EventHandler('revisit.clinical.medication-dispense-reversed.v1')
  onDispenseReversed(
    e: EventEnvelope<'revisit.clinical.medication-dispense-reversed.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.clinical.dispenseReversed(manager, e);
  }

  @EventHandler('revisit.clinical.procedure-performed.v1')
  onProcedure(e: EventEnvelope<'revisit.clinical.procedure-performed.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.clinical.procedurePerformed(manager, e);
  }

  @EventHandler('revisit.clinical.encounter-discharged.v1')
  onDischarged(
    e: EventEnvelope<'revisit.clinical.encounter-discharged.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.clinical.encounterDischarged(manager, e);
  }

  @EventHandler('revisit.appointment.booked.v1')
  onBooked(e: EventEnvelope<'revisit.appointment.booked.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.appointments.record(manager, e, 'booked');
  }

  @EventHandler('revisit.appointment.cancelled.v1')
  onCancelled(e: EventEnvelope<'revisit.appointment.cancelled.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.appointments.record(manager, e, 'cancelled');
  }

  @EventHandler('revisit.appointment.no-show.v1')
  onNoShow(e: EventEnvelope<'revisit.appointment.no-show.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.appointments.record(manager, e, 'no-show');
  }

  @EventHandler('revisit.appointment.attended.v1')
  onAttended(e: EventEnvelope<'revisit.appointment.attended.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.appointments.record(manager, e, 'attended');
  }

  @EventHandler('revisit.followup.task-created.v1')
  onTaskCreated(e: EventEnvelope<'revisit.followup.task-created.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.followUp.created(manager, e);
  }

  @EventHandler('revisit.followup.task-due.v1')
  onTaskDue(e: EventEnvelope<'revisit.followup.task-due.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.followUp.due(manager, e);
  }

  @EventHandler('revisit.followup.task-rescheduled.v1')
  onTaskRescheduled(
    e: EventEnvelope<'revisit.followup.task-rescheduled.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.followUp.rescheduled(manager, e);
  }

  @EventHandler('revisit.followup.task-cancelled.v1')
  onTaskCancelled(e: EventEnvelope<'revisit.followup.task-cancelled.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.followUp.cancelled(manager, e);
  }

  @EventHandler('revisit.followup.task-completed.v1')
  onTaskCompleted(e: EventEnvelope<'revisit.followup.task-completed.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.followUp.completed(manager, e);
  }

  @EventHandler('revisit.followup.cohort-assigned.v1')
  onCohortAssigned(
    e: EventEnvelope<'revisit.followup.cohort-assigned.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.followUp.cohortAssigned(manager, e);
  }

  @EventHandler('revisit.outreach.attempt-recorded.v1')
  onAttempt(e: EventEnvelope<'revisit.outreach.attempt-recorded.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.outreach.attempt(manager, e);
  }

  @EventHandler('revisit.outreach.survey-response-recorded.v1')
  onSurveyResponse(
    e: EventEnvelope<'revisit.outreach.survey-response-recorded.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.outreach.survey(manager, e);
  }

  @EventHandler('revisit.outreach.complaint-opened.v1')
  onComplaintOpened(
    e: EventEnvelope<'revisit.outreach.complaint-opened.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.outreach.complaintOpened(manager, e);
  }

  @EventHandler('revisit.outreach.complaint-resolved.v1')
  onComplaintResolved(
    e: EventEnvelope<'revisit.outreach.complaint-resolved.v1'>,
    { manager }: HandlerContext,
  ): Promise<void> {
    return this.outreach.complaintResolved(manager, e);
  }

  @EventHandler('revisit.outreach.call-audited.v1')
  onCallAudited(e: EventEnvelope<'revisit.outreach.call-audited.v1'>, { manager }: HandlerContext): Promise<void> {
    return this.outreach.callAudited(manager, e);
  }
}
