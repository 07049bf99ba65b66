/**
 * The outreach service's agents' API (apps/outreach): the signed-in agent's worklist, claiming a task, the
 * patient 360 view, recording call attempts, completing with a survey, complaints, and the supervisor views.
 * Patient fields arrive already masked for the caller's role; the console never unmasks anything.
 */
import { type HttpClient } from './http-client';
import { type AttemptDisposition, type FeedbackKind, type OutreachChannel } from './outreach-vocabulary';

export interface WorklistItem {
  readonly taskId: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly purpose: string;
  readonly dueAt: string;
  readonly priority: number;
  readonly channel: OutreachChannel;
  readonly claimedBy?: string;
  readonly leaseExpiresAt?: string;
}

export interface Claim {
  readonly taskId: string;
  readonly leaseExpiresAt: string;
}

export interface PatientEvent {
  readonly at: string;
  readonly description: string;
}

export interface Patient360 {
  readonly patientId: string;
  readonly name: string;
  readonly gender?: 'male' | 'female' | 'unknown';
  readonly birthDate?: string;
  readonly phone?: string;
  readonly tags: readonly string[];
  readonly specialDates: readonly { readonly kind: string; readonly date: string }[];
  readonly recentDispensings: readonly PatientEvent[];
  readonly recentTreatments: readonly PatientEvent[];
  readonly pastFollowUps: readonly PatientEvent[];
}

export interface AttemptInput {
  readonly channel: OutreachChannel;
  readonly disposition: AttemptDisposition;
  readonly talkSeconds: number;
  readonly notes?: string;
}

export interface SurveyInput {
  readonly nps?: number;
  readonly csat?: number;
  readonly comment?: string;
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

export interface AuditSample {
  readonly sampleId: string;
  readonly attemptId: string;
  readonly agentId: string;
  readonly agentName: string;
  readonly recordedAt: string;
  readonly recordingUrl?: string;
  readonly score: number | null;
}

export const COMPLAINT_STATUSES = ['open', 'escalated', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export interface ComplaintCase {
  readonly complaintId: string;
  readonly kind: FeedbackKind;
  readonly patientName: string;
  readonly department: string;
  readonly summary: string;
  readonly openedAt: string;
  readonly slaDueAt: string;
  readonly status: ComplaintStatus;
}

const task = (taskId: string, suffix = ''): string => `/v1/tasks/${encodeURIComponent(taskId)}${suffix}`;

export class OutreachApi {
  constructor(private readonly http: HttpClient) {}

  async worklist(): Promise<readonly WorklistItem[]> {
    return (await this.http.json<{ items: WorklistItem[] }>('outreach', '/v1/worklist')).items;
  }

  claim(taskId: string): Promise<Claim> {
    return this.http.json<Claim>('outreach', task(taskId, '/claim'), { method: 'POST' });
  }

  patient360(taskId: string): Promise<Patient360> {
    return this.http.json<Patient360>('outreach', task(taskId, '/patient'));
  }

  recordAttempt(taskId: string, attempt: AttemptInput): Promise<{ attemptId: string }> {
    return this.http.json('outreach', task(taskId, '/attempts'), { method: 'POST', json: attempt });
  }

  complete(taskId: string, survey: SurveyInput, notes?: string): Promise<void> {
    return this.http.json('outreach', task(taskId, '/complete'), { method: 'POST', json: { survey, notes } });
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
    return (await this.http.json<{ items: AuditSample[] }>('outreach', '/v1/audits/samples')).items;
  }

  scoreAudit(sampleId: string, score: number, notes?: string): Promise<void> {
    return this.http.json('outreach', `/v1/audits/samples/${encodeURIComponent(sampleId)}/score`, {
      method: 'POST',
      json: { score, notes },
    });
  }
}
