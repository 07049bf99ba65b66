import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';
import { ContactPreferenceRepository } from '../contact/contact-preference.repository';
import { type ContactRuleSettings, judgeContact } from '../contact/contact-rules';
import { type OutreachTask } from '../tasks/outreach-task';
import { TASK_TABLE } from '../tasks/outreach-task.repository';
import { closeTask } from './close-task';

/**
 * The contact rules every automated send obeys (quiet hours, do-not-disturb, frequency cap, consent), on a
 * locked task: `true` to go ahead; otherwise the task was deferred or closed here, in the caller's transaction.
 */
export async function passContactRules(
  manager: EntityManager,
  outbox: Outbox,
  task: OutreachTask,
  rules: ContactRuleSettings,
): Promise<boolean> {
  const now = new Date();
  const preferences = new ContactPreferenceRepository(manager);
  const verdict = judgeContact(
    await preferences.get(task.orgId, task.patientId),
    task.purpose,
    now,
    await preferences.recentContacts(task.orgId, task.patientId, new Date(now.getTime() - rules.frequencyWindowMs)),
    rules,
  );
  if (verdict.kind === 'allow') return true;
  if (verdict.kind === 'defer') {
    await manager.query(`UPDATE ${TASK_TABLE} SET next_attempt_at = $2, updated_at = now() WHERE id = $1`, [
      task.id,
      verdict.until,
    ]);
    return false;
  }
  await closeTask(manager, outbox, task, {
    outcome: verdict.outcome,
    channel: undefined,
    completedByStaffId: undefined,
    needsDoctorCallback: false,
    returnVisitBooked: false,
    at: now,
  });
  return false;
}
