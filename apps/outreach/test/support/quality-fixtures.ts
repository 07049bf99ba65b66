import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { OutreachTaskRepository } from '../../src/tasks/outreach-task.repository';

/**
 * A patient in outreach's read model and an open agent task for them, written as the EMPI and task consumers
 * write them (those consumers are tested on the broker elsewhere); quality features start from here.
 */
export async function seedPatientWithTask(
  db: DataSource,
  orgId: string,
  patientId: string,
  name: string,
  priority: 'low' | 'normal' | 'high' | 'urgent' = 'normal',
) {
  await db.query(
    `INSERT INTO outreach.patient (org_id, patient_id, demographics) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, patient_id) DO NOTHING`,
    [orgId, patientId, JSON.stringify({ names: [{ text: name }], phones: [{ number: '+8613912345678' }] })],
  );
  const taskId = randomUUID();
  await db.transaction((manager) =>
    new OutreachTaskRepository(manager).intake(
      {
        taskId,
        orgId,
        patientId,
        purpose: 'post-procedure-check',
        scriptRef: undefined,
        plan: undefined,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
        callSlot: undefined,
        channelLadder: ['phone-agent'],
        assigneeStaffId: undefined,
        priority,
      },
      'open',
    ),
  );
  return taskId;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape each route answers
type AnyBody = any;

export function jsonApi(baseUrl: string) {
  return async (token: string | undefined, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: (text.length > 0 && /json/.test(response.headers.get('content-type') ?? '')
        ? JSON.parse(text)
        : text) as AnyBody,
    };
  };
}
