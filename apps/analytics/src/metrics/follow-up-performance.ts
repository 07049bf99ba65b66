import { instantMillis } from './calendar-day';
import { assertCount, shareOf } from './input-checks';
import { type MetricDefinition } from './metric-definition';

export interface FollowUpTaskRecord {
  /** End of the task's window: the deadline it should be completed by. */
  readonly dueAt: string;
  readonly completedAt?: string;
  readonly cancelled: boolean;
  /** Contact attempts made for this task, whatever their outcome. */
  readonly attempts: number;
}

export interface OnTimeResult {
  readonly rate: number | null;
  readonly onTime: number;
  readonly due: number;
}

/**
 * Follow-up on-time rate: tasks completed by their deadline ÷ tasks whose deadline has passed by `asOf`.
 * Cancelled tasks (patient refused, moved away, changed therapy) are left out: nobody should call them.
 */
export function followUpOnTimeRate(tasks: readonly FollowUpTaskRecord[], asOf: string): OnTimeResult {
  const now = instantMillis(asOf, 'asOf');
  let onTime = 0;
  let due = 0;
  tasks.forEach((task, index) => {
    if (task.cancelled) return;
    const deadline = instantMillis(task.dueAt, `tasks[${index}].dueAt`);
    const completed =
      task.completedAt === undefined ? null : instantMillis(task.completedAt, `tasks[${index}].completedAt`);
    const completedInTime = completed !== null && completed <= deadline;
    // A task still inside its window is not yet late, unless it was already done.
    if (deadline > now && !completedInTime) return;
    due += 1;
    if (completedInTime) onTime += 1;
  });
  return { rate: shareOf(onTime, due), onTime, due };
}

/** Mean attempts per completed task; attempts on tasks never completed are not in it. */
export function attemptsPerCompletion(tasks: readonly FollowUpTaskRecord[]): number | null {
  tasks.forEach((task, index) => assertCount(task.attempts, `tasks[${index}].attempts`));
  const completed = tasks.filter((task) => task.completedAt !== undefined && !task.cancelled);
  return completed.length === 0 ? null : completed.reduce((sum, task) => sum + task.attempts, 0) / completed.length;
}

export interface ContactAttemptRecord {
  readonly channel: string;
  /** The patient (or their proxy) was actually spoken to or read the message; see docs/metrics.md. */
  readonly reached: boolean;
}

export interface ChannelReach {
  readonly channel: string;
  readonly rate: number;
  readonly reached: number;
  readonly attempts: number;
}

/** Reach rate per channel: reached attempts ÷ attempts, channels in first-seen order. */
export function reachRateByChannel(attempts: readonly ContactAttemptRecord[]): ChannelReach[] {
  const byChannel = new Map<string, { reached: number; attempts: number }>();
  for (const attempt of attempts) {
    const counts = byChannel.get(attempt.channel) ?? { reached: 0, attempts: 0 };
    counts.attempts += 1;
    if (attempt.reached) counts.reached += 1;
    byChannel.set(attempt.channel, counts);
  }
  return [...byChannel].map(([channel, counts]) => ({ channel, rate: counts.reached / counts.attempts, ...counts }));
}

export const FOLLOW_UP_ON_TIME_RATE: MetricDefinition = {
  id: 'follow-up-on-time-rate',
  name: { 'zh-CN': '随访按时完成率', en: 'Follow-up on-time rate' },
  definition: {
    'zh-CN': '截止时间前完成的随访任务 ÷ 截止时间已过的任务（含提前完成的）；已取消的任务不计入。',
    en: 'Follow-up tasks completed by their deadline ÷ tasks whose deadline has passed (plus those already completed on time); cancelled tasks are left out.',
  },
  unit: 'ratio',
};

export const REACH_RATE_BY_CHANNEL: MetricDefinition = {
  id: 'reach-rate-by-channel',
  name: { 'zh-CN': '各渠道触达率', en: 'Reach rate per channel' },
  definition: {
    'zh-CN': '每个渠道中联系到患者（或其代理人）的尝试次数 ÷ 该渠道的尝试总次数。',
    en: 'Per channel: attempts that reached the patient (or their proxy) ÷ all attempts on that channel.',
  },
  unit: 'ratio',
};

export const ATTEMPTS_PER_COMPLETION: MetricDefinition = {
  id: 'attempts-per-completion',
  name: { 'zh-CN': '每次完成的平均尝试次数', en: 'Attempts per completion' },
  definition: {
    'zh-CN': '已完成随访任务的联系尝试总次数 ÷ 已完成任务数。',
    en: 'Contact attempts on completed follow-up tasks ÷ completed tasks.',
  },
  unit: 'count',
};
