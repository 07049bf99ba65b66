import { Controller, Get, Query } from '@nestjs/common';
import { parseRequest, Roles } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CallerOrg } from '../access/caller-org';
import { STAFF_READERS } from '../access/staff-roles';
import { type FollowUpTask, type ListedTask } from '../tasks/follow-up-task';
import { FollowUpTaskRepository } from '../tasks/follow-up-task.repository';

const Identifier = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });

const TaskQuery = Type.Object(
  {
    patient: Identifier,
    org: Type.Optional(Identifier),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]{0,2}|1000)$' })),
  },
  { additionalProperties: false },
);

const DEFAULT_LIMIT = 200;

/** A patient's tasks in the caller's organisation (every status), by due time: what support staff look at. */
@Controller('v1/tasks')
export class TasksController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles(...STAFF_READERS)
  async list(@CallerOrg() orgId: string, @Query() query: unknown): Promise<{ tasks: TaskView[] }> {
    const { patient, limit } = parseRequest(TaskQuery, query);
    const tasks = await new FollowUpTaskRepository(this.dataSource.manager).listForPatient(
      orgId,
      patient,
      limit === undefined ? DEFAULT_LIMIT : Number(limit),
    );
    return { tasks: tasks.map(toView) };
  }
}

interface TaskView {
  readonly id: string;
  readonly orgId: string;
  readonly patientId: string;
  readonly status: FollowUpTask['status'];
  readonly plan: { readonly planId: string; readonly version: number; readonly stepId: string };
  readonly triggerEventId: string;
  readonly dueAt: string;
  readonly purpose: string;
  readonly reason: string;
  readonly cancelReason?: string;
  readonly channelLadder: readonly string[];
  readonly priority: string;
  readonly assignee: { readonly staffId?: string; readonly queue: string };
}

/** The derived due time, or where a capacity move put it, written with the same offset. */
function currentDue(task: ListedTask): string {
  const derived = DateTime.fromISO(task.derived.due, { setZone: true });
  if (derived.toMillis() === task.dueAt.getTime()) return task.derived.due;
  return DateTime.fromJSDate(task.dueAt, { zone: derived.zone }).toISO({ suppressMilliseconds: true }) as string;
}

function toView(task: ListedTask): TaskView {
  const d = task.derived;
  return {
    id: task.id,
    orgId: task.orgId,
    patientId: task.patientId,
    status: task.status,
    plan: { planId: d.planId, version: d.planVersion, stepId: d.stepId },
    triggerEventId: task.triggerEventId,
    dueAt: currentDue(task),
    purpose: d.purpose,
    reason: d.reason,
    ...(task.cancelReason === null ? {} : { cancelReason: task.cancelReason }),
    channelLadder: d.channels,
    priority: d.priority,
    assignee: task.assigneeStaffId === null ? d.assignee : { ...d.assignee, staffId: task.assigneeStaffId },
  };
}
