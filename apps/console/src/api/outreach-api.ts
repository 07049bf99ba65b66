/**
 * The outreach service's agents' API (apps/outreach): the signed-in agent's worklist, claiming a task, the
 * patient 360 view, recording call attempts, completing with a survey, complaints, and the supervisor views.
 * Patient fields arrive already masked for the caller's role; the console never unmasks anything.
 */
import { type HttpClient } from './http-client';
import { type Patient360, type Patient360Wire, toPatient360 } from './patient-360';
import {
  type AttemptDisposition,
  type FeedbackKind,
  type FollowUpPurpose,
  type TaskPriority,
} from './outreach-vocabulary';

/** One row of `GET /v1/worklist` as the outreach service sends it (`{ tasks: [...] }`). */
interface WorklistRowWire {
  readonly id: string;
  readonly patientId: string;
  readonly patientName?: string;
  readonly phone?: string;
  readonly purpose: FollowUpPurpose;
  readonly priority: TaskPriority;
  readonly callSlot?: string;
  readonly dueAt: string;
  readonly attempts: number;
  readonly claimedByMe: boolean;
}

export interface WorklistItem {
  readonly taskId: string;
  readonly patientId: string;
  readonly patientName?: string;
  readonly phone?: string;
  readonly purpose: FollowUpPurpose;
  readonly priority: TaskPriority;
  readonly callSlot?: string;
  readonly dueAt: string;
  readonly attempts: number;
  readonly claimedByMe: boolean;
}

export interface Claim {
  readonly taskId: string;
  readonly leaseExpiresAt: string;
}

/** `POST /v1/tasks/{id}/attempts`: one call, from dialling to hanging up. */
export interface AttemptInput {
  readonly disposition: AttemptDisposition;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly talkSeconds: number;
  readonly notes?: string;
}

export interface SurveyInput {
  readonly nps?: number;
  readonly csat?: number;
  readonly comment?: string;
}

/** The phone survey asks the questions of the post-visit questionnaire, so answers share one definition. */
export const PHONE_SURVEY = { surveyId: 'post-visit-satisfaction', surveyVersion: 1 } as const;

/** `POST /v1/tasks/{id}/complete`: the survey is sent only when the patient answered at least one question. */
export function completionBody(returnVisitBooked: boolean, survey: SurveyInput): Record<string, unknown> {
  const answered = survey.nps !== undefined || survey.csat !== undefined || survey.comment !== undefined;
  if (!answered) return { returnVisitBooked };
  return {
    returnVisitBooked,
    survey: {
      ...PHONE_SURVEY,
      ...(survey.csat === undefined ? {} : { csat: survey.csat }),
      ...(survey.nps === undefined ? {} : { nps: survey.nps }),
      answers: {},
      ...(survey.comment === undefined ? {} : { freeText: survey.comment }),
    },
  };
}

export interface ComplaintInput {
  readonly patientId: string;
  readonly taskId?: string;
  readonly kind: FeedbackKind;
  readonly text: string;
}

export interface AgentWorkload {
  readonly agentId: string;
  readonly agentName: string;
  readonly calls: number;
  readonly talkSeconds: number;
  readonly completions: number;
  readonly auditScore: number | null;
}

/** A call drawn for quality review (`GET /v1/audit/calls`); agents have no access to these routes. */
export interface AuditSample {
  readonly id: string;
  readonly attemptId: string;
  readonly agentId: string;
  readonly agentName: string;
  readonly recordedAt: string;
  readonly talkSeconds: number;
  readonly disposition: AttemptDisposition;
  readonly recordingRef: string;
  readonly score: number | null;
}

/** The call-centre checklist a reviewer scores against; the service totals it to 0-100. */
export const AUDIT_CRITERIA = ['greeting', 'identity-check', 'script', 'empathy', 'record-keeping'] as const;
export type AuditCriterion = (typeof AUDIT_CRITERIA)[number];
export const AUDIT_CRITERION_MAX = 20;

export const COMPLAINT_STATUSES = ['open', 'escalated', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** One row of the complaint queue (`GET /v1/complaints`); the service decides whether its SLA is breached. */
export interface ComplaintCase {
  readonly complaintId: string;
  readonly kind: FeedbackKind;
  readonly patientName?: string;
  readonly department: string;
  readonly summary: string;
  readonly openedAt: string;
  readonly slaDueAt: string;
  readonly status: ComplaintStatus;
  readonly escalated: boolean;
  readonly breached: boolean;
}

const task = (taskId: string, suffix = ''): string => `/v1/tasks/${encodeURIComponent(taskId)}${suffix}`;

export class OutreachApi {
  constructor(private readonly http: HttpClient) {}

  async worklist(): Promise<readonly WorklistItem[]> {
    const { tasks } = await this.http.json<{ tasks: WorklistRowWire[] }>('outreach', '/v1/worklist');
    return tasks.map(({ id, ...row }) => ({ taskId: id, ...row }));
  }

  claim(taskId: string): Promise<Claim> {
    return this.http.json<Claim>('outreach', task(taskId, '/claim'), { method: 'POST' });
  }

  async patient360(patientId: string): Promise<Patient360> {
    return toPatient360(
      await this.http.json<Patient360Wire>('outreach', `/v1/patients/${encodeURIComponent(patientId)}`),
    );
  }

  recordAttempt(taskId: string, attempt: AttemptInput): Promise<unknown> {
    return this.http.json('outreach', task(taskId, '/attempts'), { method: 'POST', json: attempt });
  }

  async complete(taskId: string, survey: SurveyInput, returnVisitBooked: boolean): Promise<void> {
    await this.http.json('outreach', task(taskId, '/complete'), {
      method: 'POST',
      json: completionBody(returnVisitBooked, survey),
    });
  }

  openComplaint(complaint: ComplaintInput): Promise<{ complaintId: string }> {
    return this.http.json('outreach', '/v1/complaints', { method: 'POST', json: complaint });
  }

  async complaints(status?: ComplaintStatus): Promise<readonly ComplaintCase[]> {
    return (await this.http.json<{ items: ComplaintCase[] }>('outreach', '/v1/complaints', { query: { status } }))
      .items;
  }

  resolveComplaint(complaintId: string, resolution: string): Promise<void> {
    return this.http.json('outreach', `/v1/complaints/${encodeURIComponent(complaintId)}/resolve`, {
      method: 'POST',
      json: { resolution },
    });
  }

  async teamWorkload(from: string, to: string): Promise<readonly AgentWorkload[]> {
    return (await this.http.json<{ agents: AgentWorkload[] }>('outreach', '/v1/workload', { query: { from, to } }))
      .agents;
  }

  async auditSamples(): Promise<readonly AuditSample[]> {
    return (await this.http.json<{ items: AuditSample[] }>('outreach', '/v1/audit/calls')).items;
  }

  scoreAudit(callId: string, scores: Readonly<Record<AuditCriterion, number>>, comment?: string): Promise<unknown> {
    return this.http.json('outreach', `/v1/audit/calls/${encodeURIComponent(callId)}/score`, {
      method: 'POST',
      json: {
        criteria: AUDIT_CRITERIA.map((code) => ({ code, score: scores[code], maxScore: AUDIT_CRITERION_MAX })),
        ...(comment ? { comment } : {}),
      },
    });
  }
}
