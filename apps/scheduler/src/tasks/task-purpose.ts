import { FOLLOW_UP_PURPOSES, type FollowUpPurpose } from '@revisit/domain';
import { type DerivedTask } from '../derivation/task-set';

/**
 * The catalogue purpose (script choice and reporting bucket in outreach) of a task. Plan purposes are
 * free text for the caller to read, so the bucket comes from the plan and step; a plan whose purpose text
 * already is a catalogue value keeps it, and unknown plans fall back to `other`.
 */
const BY_STEP: Readonly<Record<string, FollowUpPurpose>> = {
  'pharmacy-chronic/before-run-out': 'refill-reminder',
  'dental-aftercare/missed-visit': 'missed-appointment',
  'hospital-discharge/satisfaction-survey': 'satisfaction-survey',
};

const BY_PLAN: Readonly<Record<string, FollowUpPurpose>> = {
  'pharmacy-chronic': 'medication-adherence',
  'dental-aftercare': 'post-procedure-check',
  'tcm-phone-follow-up': 'post-visit',
  'appointment-reminder': 'appointment-reminder',
  'hospital-discharge': 'post-discharge',
  'birthday-greeting': 'special-date-greeting',
  'spring-festival-campaign': 'seasonal-care',
};

export function taskPurposeOf(task: Pick<DerivedTask, 'planId' | 'stepId' | 'purpose'>): FollowUpPurpose {
  if ((FOLLOW_UP_PURPOSES as readonly string[]).includes(task.purpose)) return task.purpose as FollowUpPurpose;
  return BY_STEP[`${task.planId}/${task.stepId}`] ?? BY_PLAN[task.planId] ?? 'other';
}
