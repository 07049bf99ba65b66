import { type EventEnvelope } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { localDate, survivingPatient, table } from './read-model-sql';

const TERMINAL = `('completed', 'cancelled')`;

/**
 * Follow-up tasks. Created, due, rescheduled, completed and cancelled come on five topics with no order
 * between them, so each event fills only its own columns and never moves a task out of a final state.
 */
export class FollowUpProjector {
  constructor(private readonly zone: string) {}

  async created(m: EntityManager, e: EventEnvelope<'revisit.followup.task-created.v1'>): Promise<void> {
    const d = e.data;
    // The triggering fact (dispense, discharge, ...) gives the task its site, department and doctor.
    await m.query(
      `INSERT INTO ${table('task')} (org_id, task_id, patient_id, plan_id, purpose, trigger_event_id, assignee_id,
              due_at, due_date, status, site_id, department_code, doctor_id, created_on)
       SELECT $1, $2, ${survivingPatient('$1', '$3')}, $4, $5, $6, $7, $8, ${localDate('$8', '$9')}, 'open',
              v.site_id, v.department_code, v.doctor_id, ${localDate('$10', '$9')}
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT site_id, department_code, doctor_id FROM ${table('visit')}
                             WHERE event_id = $6 LIMIT 1) v ON true
       ON CONFLICT (org_id, task_id) DO UPDATE SET
         plan_id = EXCLUDED.plan_id, purpose = EXCLUDED.purpose, trigger_event_id = EXCLUDED.trigger_event_id,
         created_on = LEAST(task.created_on, EXCLUDED.created_on),
         assignee_id = COALESCE(task.assignee_id, EXCLUDED.assignee_id),
         due_at = COALESCE(task.due_at, EXCLUDED.due_at), due_date = COALESCE(task.due_date, EXCLUDED.due_date),
         site_id = COALESCE(task.site_id, EXCLUDED.site_id),
         department_code = COALESCE(task.department_code, EXCLUDED.department_code),
         doctor_id = COALESCE(task.doctor_id, EXCLUDED.doctor_id)`,
      [
        e.orgid,
        d.taskId,
        d.patientEnterpriseId,
        d.plan.planId,
        d.purpose,
        d.triggerEventId,
        d.assigneeStaffId ?? null,
        d.dueAt,
        this.zone,
        e.time,
      ],
    );
  }

  async due(m: EntityManager, e: EventEnvelope<'revisit.followup.task-due.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('task')} (org_id, task_id, patient_id, purpose, assignee_id, due_at, due_date, status)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $4, $5, $6, ${localDate('$6', '$7')}, 'due')
       ON CONFLICT (org_id, task_id) DO UPDATE SET
         purpose = COALESCE(task.purpose, EXCLUDED.purpose),
         status = CASE WHEN task.status IN ${TERMINAL} THEN task.status ELSE 'due' END,
         due_at = EXCLUDED.due_at, due_date = EXCLUDED.due_date,
         assignee_id = COALESCE(EXCLUDED.assignee_id, task.assignee_id)`,
      [e.orgid, d.taskId, d.patientEnterpriseId, d.purpose, d.assigneeStaffId ?? null, d.dueAt, this.zone],
    );
  }

  async rescheduled(m: EntityManager, e: EventEnvelope<'revisit.followup.task-rescheduled.v1'>): Promise<void> {
    const d = e.data;
    // A reschedule moves the deadline only forward from what is stored, so redelivery in any order converges.
    await m.query(
      `INSERT INTO ${table('task')} (org_id, task_id, patient_id, due_at, due_date, status)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, $4, ${localDate('$4', '$5')}, 'open')
       ON CONFLICT (org_id, task_id) DO UPDATE SET
         due_at = GREATEST(task.due_at, EXCLUDED.due_at),
         due_date = GREATEST(task.due_date, EXCLUDED.due_date)`,
      [e.orgid, d.taskId, d.patientEnterpriseId, d.dueAt, this.zone],
    );
  }

  async cancelled(m: EntityManager, e: EventEnvelope<'revisit.followup.task-cancelled.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('task')} (org_id, task_id, patient_id, status, cancelled_at, cancel_reason)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, 'cancelled', $4, $5)
       ON CONFLICT (org_id, task_id) DO UPDATE SET
         status = CASE WHEN task.status = 'completed' THEN task.status ELSE 'cancelled' END,
         cancelled_at = EXCLUDED.cancelled_at, cancel_reason = EXCLUDED.cancel_reason`,
      [e.orgid, d.taskId, d.patientEnterpriseId, d.cancelledAt, d.reason],
    );
  }

  async completed(m: EntityManager, e: EventEnvelope<'revisit.followup.task-completed.v1'>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO ${table('task')} (org_id, task_id, patient_id, status, outcome, channel, attempts,
              needs_doctor_callback, return_visit_booked, completed_by, completed_at)
       VALUES ($1, $2, ${survivingPatient('$1', '$3')}, 'completed', $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (org_id, task_id) DO UPDATE SET
         status = 'completed', outcome = EXCLUDED.outcome, channel = EXCLUDED.channel, attempts = EXCLUDED.attempts,
         needs_doctor_callback = EXCLUDED.needs_doctor_callback, return_visit_booked = EXCLUDED.return_visit_booked,
         completed_by = EXCLUDED.completed_by, completed_at = EXCLUDED.completed_at`,
      [
        e.orgid,
        d.taskId,
        d.patientEnterpriseId,
        d.outcome,
        d.channel ?? null,
        d.attempts,
        d.needsDoctorCallback,
        d.returnVisitBooked,
        d.completedByStaffId ?? null,
        d.completedAt,
      ],
    );
  }

  async cohortAssigned(m: EntityManager, e: EventEnvelope<'revisit.followup.cohort-assigned.v1'>): Promise<void> {
    const d = e.data;
    // The first draw stands: a re-announced assignment must not move a patient between arms.
    await m.query(
      `INSERT INTO ${table('cohort')} (org_id, patient_id, plan_id, arm, assigned_at, local_date)
       VALUES ($1, ${survivingPatient('$1', '$2')}, $3, $4, $5, ${localDate('$5', '$6')})
       ON CONFLICT (org_id, plan_id, patient_id) DO NOTHING`,
      [e.orgid, d.patientEnterpriseId, d.plan.planId, d.arm, d.assignedAt, this.zone],
    );
  }
}
