import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { closeTask } from '../escalation/close-task';
import { offsetTime, publish } from '../escalation/outreach-events';
import { type PreferenceFlag, type TaskOutcome } from '../escalation/tcm-phone-policy';
import { OutreachTaskRepository } from '../tasks/outreach-task.repository';
import { ContactPreferenceRepository } from './contact-preference.repository';
import { type ContactPreferences } from './contact-rules';

const OUTCOME_OF: Readonly<Record<PreferenceFlag, TaskOutcome>> = {
  'does-not-want-follow-up': 'refused',
  'do-not-contact': 'do-not-contact',
  'moved-away': 'moved-away',
  deceased: 'deceased',
};

export interface ChangeAuthor {
  readonly changedBy: 'patient' | 'staff' | 'system';
  readonly staffId: string | undefined;
  readonly at: Date;
}

function withFlag(preferences: ContactPreferences, flag: PreferenceFlag): ContactPreferences {
  switch (flag) {
    case 'does-not-want-follow-up':
      return { ...preferences, doesNotWantFollowUp: true };
    case 'do-not-contact':
      return { ...preferences, consent: { care: 'withdrawn', marketing: 'withdrawn' } };
    case 'moved-away':
      return { ...preferences, movedAway: true };
    case 'deceased':
      return { ...preferences, deceased: true };
  }
}

/**
 * Sets a stop flag on the patient, closes every other live task of theirs here, and publishes the full
 * preferences snapshot so the scheduler stops planning (deceased stops everything).
 */
export async function applyPreferenceFlag(
  manager: EntityManager,
  outbox: Outbox,
  orgId: string,
  patientId: string,
  flag: PreferenceFlag,
  author: ChangeAuthor,
): Promise<void> {
  const repository = new ContactPreferenceRepository(manager);
  const updated = withFlag(await repository.lock(orgId, patientId), flag);
  await savePreferences(manager, outbox, orgId, patientId, updated, author);
  for (const live of await new OutreachTaskRepository(manager).lockLiveOfPatient(orgId, patientId)) {
    await closeTask(manager, outbox, live, {
      outcome: OUTCOME_OF[flag],
      channel: undefined,
      completedByStaffId: author.staffId,
      needsDoctorCallback: false,
      returnVisitBooked: false,
      at: author.at,
    });
  }
}

/** Stores the preferences and publishes them as a snapshot. */
export async function savePreferences(
  manager: EntityManager,
  outbox: Outbox,
  orgId: string,
  patientId: string,
  preferences: ContactPreferences,
  author: ChangeAuthor,
): Promise<void> {
  await new ContactPreferenceRepository(manager).save(orgId, patientId, preferences);
  await publishPreferences(manager, outbox, orgId, patientId, preferences, author);
}

/** Publishes the preferences that hold for a patient as a snapshot, e.g. after a merge changed them. */
export async function publishPreferences(
  manager: EntityManager,
  outbox: Outbox,
  orgId: string,
  patientId: string,
  preferences: ContactPreferences,
  author: ChangeAuthor,
): Promise<void> {
  await publish(outbox, manager, 'revisit.outreach.contact-preference-changed.v1', orgId, patientId, {
    patientEnterpriseId: patientId,
    orgId,
    consent: preferences.consent,
    doNotDisturb: preferences.doNotDisturb.map(({ daysOfWeek, ...period }) => ({
      ...period,
      ...(daysOfWeek === undefined ? {} : { daysOfWeek: [...daysOfWeek] }),
    })),
    doesNotWantFollowUp: preferences.doesNotWantFollowUp,
    movedAway: preferences.movedAway,
    deceased: preferences.deceased,
    changedBy: author.changedBy,
    ...(author.staffId === undefined ? {} : { changedByStaffId: author.staffId }),
    changedAt: offsetTime(author.at),
  });
}
