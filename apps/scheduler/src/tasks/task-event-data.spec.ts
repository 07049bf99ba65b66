import { validateEvent, newEvent } from '@revisit/domain';
import { type DerivedTask } from '../derivation/task-set';
import { type FollowUpTask } from './follow-up-task';
import { cancelReasonOf, taskCreatedData, taskDueData, taskRescheduledData } from './task-event-data';

const derived: DerivedTask = {
  id: '6c175faa-a9ce-5f3a-98bf-06bdeeb9a141',
  planId: 'pharmacy-chronic',
  planVersion: 1,
  stepId: 'before-run-out',
  occurrence: 0,
  patientId: 'EP00012345',
  triggerKey: 'MedicationDispense/pharmacy-erp:SO-1',
  due: '2027-04-24T10:30:00+08:00',
  purpose: 'Refill reminder: the supply runs out in a few days',
  script: 'pharmacy/refill-reminder',
  channel: 'phone',
  channels: ['phone', 'ai-voice', 'phone', 'wechat-official-account'],
  priority: 'high',
  assignee: { staffId: 'staff-0107', queue: 'pharmacy-follow-up' },
  reason: 'supply of SO-1 runs out 2027-04-27; 3 days before',
};

const task: FollowUpTask = {
  id: derived.id,
  orgId: 'org-demo-pharmacy',
  patientId: 'EP00012345',
  triggerEventId: '0195a1b2-6000-7000-8000-00000000e001',
  status: 'pending',
  cancelReason: null,
  derived,
};

const envelope = <T extends Parameters<typeof newEvent>[0]>(type: T, data: Parameters<typeof newEvent<T>>[1]['data']) =>
  newEvent(type, { source: 'revisit/scheduler', subject: task.patientId, orgid: task.orgId, data });

describe('follow-up event payloads', () => {
  it('builds a catalogue-valid task-created payload with the outreach channel ladder', () => {
    const data = taskCreatedData(task);
    expect(data).toEqual({
      taskId: derived.id,
      patientEnterpriseId: 'EP00012345',
      orgId: 'org-demo-pharmacy',
      plan: { planId: 'pharmacy-chronic', version: 1, stepId: 'before-run-out' },
      triggerEventId: task.triggerEventId,
      purpose: 'refill-reminder',
      scriptRef: 'pharmacy/refill-reminder',
      dueAt: '2027-04-24T10:30:00+08:00',
      channelLadder: ['phone-agent', 'phone-robot', 'wechat-oa'],
      assigneeStaffId: 'staff-0107',
      priority: 'high',
    });
    expect(validateEvent(envelope('revisit.followup.task-created.v1', data))).toMatchObject({ ok: true });
  });

  it('keeps a catalogue purpose and leaves out a script that is not a reference', () => {
    const data = taskDueData({ ...task, derived: { ...derived, purpose: 'refill-reminder', script: 'call them' } });
    expect(data.purpose).toBe('refill-reminder');
    expect(data).not.toHaveProperty('scriptRef');
    expect(validateEvent(envelope('revisit.followup.task-due.v1', data))).toMatchObject({ ok: true });
  });

  it('explains a move by the supply when the engine reason names it', () => {
    const data = taskRescheduledData(task, '2027-04-20T10:30:00+08:00');
    expect(data).toMatchObject({ previousDueAt: '2027-04-20T10:30:00+08:00', reason: 'supply-extended' });
    expect(validateEvent(envelope('revisit.followup.task-rescheduled.v1', data))).toMatchObject({ ok: true });
  });

  it.each([
    ['pharmacy-chronic', 'first', 'medication-adherence'],
    ['dental-aftercare', 'missed-visit', 'missed-appointment'],
    ['birthday-greeting', 'greeting', 'special-date-greeting'],
    ['org-custom-plan', 'call', 'other'],
  ])('gives %s/%s the catalogue purpose %s', (planId, stepId, purpose) => {
    expect(taskDueData({ ...task, derived: { ...derived, planId, stepId } }).purpose).toBe(purpose);
  });

  it.each([
    ['its trigger MedicationDispense/x no longer applies (corrected or reversed)', 'trigger-reversed'],
    ['merged into task abc (same step, same day)', 'superseded'],
    ['superseded by plan pharmacy-chronic version 2', 'superseded'],
    ['patient deceased', 'deceased'],
    ['patient moved-away', 'moved-away'],
    ['patient moved out of the area since 2027-03-05', 'moved-away'],
    ['patient declined-follow-up', 'does-not-want-follow-up'],
    ['consent-withdrawn', 'do-not-contact'],
    ['something else entirely', 'other'],
  ])('maps the cancellation "%s" to %s', (why, reason) => {
    expect(cancelReasonOf(why)).toBe(reason);
  });
});
