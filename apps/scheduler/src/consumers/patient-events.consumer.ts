import { Injectable } from '@nestjs/common';
import { type AnyEventEnvelope, type EventEnvelope as DomainEventEnvelope, type EventType } from '@revisit/domain';
import { EventHandler, type HandlerContext } from '@revisit/messaging';
import { RederivePatientTasks } from '../tasks/use-cases/rederive-patient-tasks';

/** Every catalogue event the plan engine reads (`patientEventsOf`); each re-derives its patient's tasks. */
export const PATIENT_EVENT_SUBSCRIPTIONS = [
  'revisit.clinical.medication-dispensed.v1',
  'revisit.clinical.medication-dispense-reversed.v1',
  'revisit.clinical.procedure-performed.v1',
  'revisit.clinical.encounter-discharged.v1',
  'revisit.appointment.booked.v1',
  'revisit.appointment.cancelled.v1',
  'revisit.appointment.no-show.v1',
  'revisit.patient.registered.v1',
  'revisit.patient.merged.v1',
  'revisit.patient.unmerged.v1',
  'revisit.outreach.contact-preference-changed.v1',
  'revisit.followup.task-completed.v1',
] as const satisfies readonly EventType[];

type Subscribed = (typeof PATIENT_EVENT_SUBSCRIPTIONS)[number];

/**
 * Kafka edge of task derivation, outreach's task outcomes included (some end all follow-up): one method per
 * type, because the registry binds a handler per type.
 */
@Injectable()
export class PatientEventsConsumer {
  constructor(private readonly rederive: RederivePatientTasks) {}

  private async apply<T extends Subscribed>(event: DomainEventEnvelope<T>, { manager }: HandlerContext): Promise<void> {
    await this.rederive.apply(manager, event as AnyEventEnvelope);
  }

  @EventHandler('revisit.clinical.medication-dispensed.v1')
  onDispensed(event: DomainEventEnvelope<'revisit.clinical.medication-dispensed.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.clinical.medication-dispense-reversed.v1')
  onDispenseReversed(
    event: DomainEventEnvelope<'revisit.clinical.medication-dispense-reversed.v1'>,
    context: HandlerContext,
  ) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.clinical.procedure-performed.v1')
  onProcedure(event: DomainEventEnvelope<'revisit.clinical.procedure-performed.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.clinical.encounter-discharged.v1')
  onDischarged(event: DomainEventEnvelope<'revisit.clinical.encounter-discharged.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.appointment.booked.v1')
  onAppointmentBooked(event: DomainEventEnvelope<'revisit.appointment.booked.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.appointment.cancelled.v1')
  onAppointmentCancelled(event: DomainEventEnvelope<'revisit.appointment.cancelled.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.appointment.no-show.v1')
  onNoShow(event: DomainEventEnvelope<'revisit.appointment.no-show.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.patient.registered.v1')
  onRegistered(event: DomainEventEnvelope<'revisit.patient.registered.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.patient.merged.v1')
  onMerged(event: DomainEventEnvelope<'revisit.patient.merged.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.patient.unmerged.v1')
  onUnmerged(event: DomainEventEnvelope<'revisit.patient.unmerged.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.outreach.contact-preference-changed.v1')
  onContactPreferences(
    event: DomainEventEnvelope<'revisit.outreach.contact-preference-changed.v1'>,
    context: HandlerContext,
  ) {
    return this.apply(event, context);
  }

  @EventHandler('revisit.followup.task-completed.v1')
  onTaskCompleted(event: DomainEventEnvelope<'revisit.followup.task-completed.v1'>, context: HandlerContext) {
    return this.apply(event, context);
  }
}
