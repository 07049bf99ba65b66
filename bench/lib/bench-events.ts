import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope } from '@revisit/messaging';

export const BENCH_TYPE = 'revisit.followup.bench-ping.v1';

export const BENCH_SCHEMA = {
  type: 'object',
  required: ['patientId', 'seq', 'note'],
  additionalProperties: false,
  properties: {
    patientId: { type: 'string', minLength: 1 },
    seq: { type: 'integer', minimum: 0 },
    note: { type: 'string' },
  },
};

/** An envelope of realistic size (~500 bytes of JSON), keyed over 1,000 patients. */
export function benchEvent(seq: number): EventEnvelope {
  const patientId = `EP-${(seq % 1000).toString().padStart(6, '0')}`;
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: 'revisit/bench',
    type: BENCH_TYPE,
    subject: patientId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    correlationid: `bench-${seq}`,
    orgid: 'org-bench',
    data: { patientId, seq, note: 'follow-up call due after dispensing; days of supply 30; channel sms' },
  };
}
