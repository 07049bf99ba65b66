import type { OutreachChannel } from '@revisit/domain';

export type TaskStatus = 'scheduled' | 'open' | 'completed' | 'cancelled';
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

/** Sort weight of a priority in the worklist: higher first. */
export const PRIORITY_RANK: Readonly<Record<TaskPriority, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** A follow-up task as outreach works it: where it stands on its channel ladder and when to try next. */
export interface OutreachTask {
  readonly id: string;
  readonly orgId: string;
  readonly patientId: string;
  readonly status: TaskStatus;
  readonly purpose: string;
  readonly scriptRef: string | null;
  readonly dueAt: Date;
  readonly callSlot: string | null;
  readonly channelLadder: readonly OutreachChannel[];
  readonly ladderStep: number;
  readonly currentChannel: OutreachChannel;
  readonly assigneeStaffId: string | null;
  readonly priority: TaskPriority;
  readonly nextAttemptAt: Date;
  readonly attempts: number;
  readonly consecutiveMisses: number;
  readonly unreachableStreak: number;
  readonly noticesSent: number;
  readonly lineIndex: number;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: Date | null;
  readonly outcome: string | null;
}
