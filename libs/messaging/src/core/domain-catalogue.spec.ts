import { EVENT_CATALOGUE, EVENT_TYPES, KAFKA_HEADERS, newEvent, type AnyEventEnvelope } from '@revisit/domain';
import { DomainEventCatalogue } from './domain-catalogue';
import { headersOf } from './envelope-headers';
import { MessagingErrorCode } from './messaging.errors';

const catalogue = new DomainEventCatalogue();
const type = EVENT_TYPES[0];

function sample(): AnyEventEnvelope {
  const entry = EVENT_CATALOGUE[type];
  const data = entry.example as Record<string, unknown>;
  const subject = entry.subjectPointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], data) as string;
  const orgid = typeof data['orgId'] === 'string' ? data['orgId'] : 'org-demo';
  return newEvent(type, {
    subject,
    orgid,
    source: `revisit/${entry.producer}`,
    data: entry.example,
  } as never) as AnyEventEnvelope;
}

describe('DomainEventCatalogue', () => {
  it('routes a catalogued type to its topic with its partition count', () => {
    expect(catalogue.topicOf(type)).toBe(EVENT_CATALOGUE[type].topic);
    expect(catalogue.partitionsOf(type)).toBe(EVENT_CATALOGUE[type].partitions);
    expect(catalogue.topicOf('revisit.patient.never-heard-of.v1')).toBeUndefined();
  });

  it('accepts a valid envelope and maps refusals to messaging codes', () => {
    const event = sample();
    expect(catalogue.validate(event)).toEqual({ ok: true, envelope: event });
    expect(catalogue.validate({ ...event, type: 'revisit.patient.never-heard-of.v1' })).toMatchObject({
      ok: false,
      code: MessagingErrorCode.UnknownEventType,
    });
    const broken = catalogue.validate({ ...event, data: {} });
    expect(broken).toMatchObject({ ok: false, code: MessagingErrorCode.SchemaViolation });
  });

  it('publishes the catalogue header names', () => {
    const event = sample();
    expect(headersOf(event)).toMatchObject({
      [KAFKA_HEADERS.id]: event.id,
      [KAFKA_HEADERS.type]: type,
      [KAFKA_HEADERS.subject]: event.subject,
    });
  });
});
