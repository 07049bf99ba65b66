import { Type } from '@sinclair/typebox';
import { v7 as uuidv7 } from 'uuid';
import { SchemaCatalogue, type EventEnvelope } from '../../src';

/** Test-only event types: messaging is generic, so its tests do not depend on the business catalogue. */
export const PING_TYPE = 'revisit.followup.test-ping.v1';
export const PONG_TYPE = 'revisit.followup.test-pong.v1';

export const PingData = Type.Object(
  { patientId: Type.String({ minLength: 1 }), seq: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

export interface PingData {
  patientId: string;
  seq: number;
}

/** Topics are prefixed per test so runs and tests never see each other's messages. */
export function testCatalogue(prefix: string, partitions = 3): SchemaCatalogue {
  return new SchemaCatalogue([
    { type: PING_TYPE, topic: `${prefix}.${PING_TYPE}`, partitions, schema: PingData },
    { type: PONG_TYPE, topic: `${prefix}.${PONG_TYPE}`, partitions, schema: PingData },
  ]);
}

export function pingEnvelope(patientId: string, seq: number, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: 'revisit/messaging-test',
    type: PING_TYPE,
    subject: patientId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    orgid: 'org-test',
    data: { patientId, seq },
    ...overrides,
  };
}

export function uniquePrefix(label: string): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.${label}`;
}
