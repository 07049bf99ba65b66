import { validate as isUuid, version as uuidVersion } from 'uuid';
import { newEvent, type EventEnvelope } from './envelope';
import { EventContractError, EventErrorCode } from './event.errors';
import { kafkaHeadersOf, kafkaKeyOf, KAFKA_HEADERS } from './kafka-headers';
import { type WeeklySummaryPublishedV1 } from './analytics/weekly-summary-published.v1';

const figures = {
  tasksCreated: 1,
  tasksCompleted: 1,
  tasksCancelled: 0,
  tasksOverdue: 0,
  attempts: 2,
  complaintsOpened: 0,
  complaintsResolved: 0,
  returnVisitsBooked: 0,
};
const summary: WeeklySummaryPublishedV1 = {
  orgId: 'org-1',
  weekStart: '2026-03-02',
  timeZone: 'Asia/Shanghai',
  figures,
  byDepartment: [],
  publishedAt: '2026-03-09T01:00:00+08:00',
};

describe('newEvent', () => {
  const at = new Date('2026-03-09T00:30:00.000Z');

  it('fills the CloudEvents attributes from the catalogue', () => {
    const event = newEvent('revisit.analytics.weekly-summary-published.v1', {
      subject: 'org-1',
      orgid: 'org-1',
      source: 'revisit/analytics',
      data: summary,
      time: at,
    });
    expect(event).toEqual({
      specversion: '1.0',
      id: expect.any(String),
      source: 'revisit/analytics',
      type: 'revisit.analytics.weekly-summary-published.v1',
      subject: 'org-1',
      time: '2026-03-09T08:30:00.000+08:00',
      datacontenttype: 'application/json',
      dataschema: 'urn:revisit:schema:revisit.analytics.weekly-summary-published.v1',
      orgid: 'org-1',
      data: summary,
    });
    expect(isUuid(event.id)).toBe(true);
    expect(uuidVersion(event.id)).toBe(7);
  });

  it('gives every event a new, time-ordered id', () => {
    const ids = Array.from(
      { length: 50 },
      () =>
        newEvent('revisit.analytics.weekly-summary-published.v1', {
          subject: 'org-1',
          orgid: 'org-1',
          source: 'revisit/analytics',
          data: summary,
        }).id,
    );
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
  });

  it('inherits correlation, causation and trace context from the event being handled', () => {
    const trigger = {
      id: '0190a6a0-0000-7000-8000-000000000001',
      correlationid: '0190a6a0-0000-7000-8000-0000000000aa',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    };
    const event = newEvent('revisit.analytics.weekly-summary-published.v1', {
      subject: 'org-1',
      orgid: 'org-1',
      source: 'revisit/analytics',
      data: summary,
      causedBy: trigger,
    });
    expect(event.causationid).toBe(trigger.id);
    expect(event.correlationid).toBe(trigger.correlationid);
    expect(event.traceparent).toBe(trigger.traceparent);
  });

  it('starts a correlation at the causing event when that event had none', () => {
    const event = newEvent('revisit.analytics.weekly-summary-published.v1', {
      subject: 'org-1',
      orgid: 'org-1',
      source: 'revisit/analytics',
      data: summary,
      causedBy: { id: '0190a6a0-0000-7000-8000-000000000001' },
    });
    expect(event.correlationid).toBe('0190a6a0-0000-7000-8000-000000000001');
    expect(event).not.toHaveProperty('traceparent');
  });

  it.each([
    ['subject', { subject: ' ' }],
    ['orgid', { orgid: '' }],
    ['source', { source: 'analytics' }],
  ])('refuses an empty or malformed %s with a contract error', (_name, override) => {
    const build = () =>
      newEvent('revisit.analytics.weekly-summary-published.v1', {
        subject: 'org-1',
        orgid: 'org-1',
        source: 'revisit/analytics',
        data: summary,
        ...override,
      });
    expect(build).toThrow(EventContractError);
    expect(build).toThrow(expect.objectContaining({ code: EventErrorCode.InvalidEnvelope }));
  });

  it('refuses a subject that is not the aggregate id in data', () => {
    const build = () =>
      newEvent('revisit.analytics.weekly-summary-published.v1', {
        subject: 'org-2',
        orgid: 'org-2',
        source: 'revisit/analytics',
        data: summary,
      });
    expect(build).toThrow(expect.objectContaining({ code: EventErrorCode.SubjectMismatch }));
    expect(build).toThrow('subject must equal data/orgId for revisit.analytics.weekly-summary-published.v1');
  });

  it('refuses an orgid that differs from data.orgId', () => {
    const build = () =>
      newEvent('revisit.analytics.weekly-summary-published.v1', {
        subject: 'org-1',
        orgid: 'org-2',
        source: 'revisit/analytics',
        data: summary,
      });
    expect(build).toThrow(expect.objectContaining({ code: EventErrorCode.OrganisationMismatch }));
  });

  it('type-checks data against the event type', () => {
    const typed: EventEnvelope<'revisit.analytics.weekly-summary-published.v1'> = newEvent(
      'revisit.analytics.weekly-summary-published.v1',
      { subject: 'org-1', orgid: 'org-1', source: 'revisit/analytics', data: summary },
    );
    // @ts-expect-error a weekly summary is not a medication dispense
    const wrong: EventEnvelope<'revisit.clinical.medication-dispensed.v1'> = typed;
    expect(wrong.type).toBe('revisit.analytics.weekly-summary-published.v1');
    const emitWrongPayload = () =>
      newEvent('revisit.clinical.medication-dispensed.v1', {
        subject: 'org-1',
        orgid: 'org-1',
        source: 'revisit/ingest',
        // @ts-expect-error the payload must be a MedicationDispensedV1
        data: summary,
      });
    // At run time only the subject check catches it; the compiler is the real guard.
    expect(emitWrongPayload).toThrow(EventContractError);
  });
});

describe('Kafka binding', () => {
  it('keys by subject and carries routing and trace headers only', () => {
    const event = newEvent('revisit.analytics.weekly-summary-published.v1', {
      subject: 'org-1',
      orgid: 'org-1',
      source: 'revisit/analytics',
      data: summary,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'c-1',
    });
    const headers = kafkaHeadersOf(event);
    expect(kafkaKeyOf(event)).toBe('org-1');
    expect(headers[KAFKA_HEADERS.id]).toBe(event.id);
    expect(headers[KAFKA_HEADERS.type]).toBe(event.type);
    expect(headers['ce_source']).toBe('revisit/analytics');
    expect(headers['traceparent']).toBe(event.traceparent);
    expect(headers['x-correlation-id']).toBe('c-1');
    expect(headers).not.toHaveProperty('x-causation-id');
    expect(JSON.stringify(headers)).not.toContain('Asia/Shanghai');
  });
});
