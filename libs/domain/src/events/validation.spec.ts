import { EVENT_CATALOGUE, EVENT_TYPES, type EventType } from './catalogue';
import { newEvent, type AnyEventEnvelope } from './envelope';
import { EventErrorCode } from './event.errors';
import { valueAtPointer } from './json-pointer';
import { describeIssues, validateEvent } from './validation';

/** A valid envelope around the catalogue example of `type`, with the subject the catalogue demands. */
function sampleOf(type: EventType): AnyEventEnvelope {
  const entry = EVENT_CATALOGUE[type];
  const data = entry.example as Record<string, unknown>;
  const subject = valueAtPointer(data, entry.subjectPointer) as string;
  const orgid = typeof data['orgId'] === 'string' ? data['orgId'] : 'org-demo-hospital';
  return newEvent(type, {
    subject,
    orgid,
    source: `revisit/${entry.producer}`,
    data: entry.example,
  } as never) as AnyEventEnvelope;
}

/** A deep copy with changes applied, so the catalogue examples stay untouched. */
function mutated(envelope: AnyEventEnvelope, change: (copy: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(envelope) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

describe('validateEvent', () => {
  it.each(EVENT_TYPES)('%s: the catalogue example validates', (type) => {
    const result = validateEvent(sampleOf(type));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(EVENT_TYPES)('%s: a payload missing a required field fails with a readable message', (type) => {
    const schema = EVENT_CATALOGUE[type].schema as { required: string[] };
    const missing = schema.required[schema.required.length - 1]!;
    const result = validateEvent(
      mutated(sampleOf(type), (copy) => delete (copy['data'] as Record<string, unknown>)[missing]),
    );
    expect(result).toEqual({
      ok: false,
      code: EventErrorCode.InvalidData,
      errors: [{ path: '/data', message: `must have required property '${missing}'` }],
    });
  });

  it('lists every problem with its location and the allowed values of enums', () => {
    const broken = mutated(sampleOf('revisit.outreach.attempt-recorded.v1'), (copy) => {
      const data = copy['data'] as Record<string, unknown>;
      data['disposition'] = 'hung-up';
      data['talkSeconds'] = -1;
      data['startedAt'] = '2026-03-02 12:00:05';
    });
    const result = validateEvent(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(EventErrorCode.InvalidData);
    expect(describeIssues(result.errors)).toBe(
      '/data/disposition must be equal to one of the allowed values: answered, no-answer, busy, unreachable, ' +
        'wrong-number, line-fault, refused, do-not-contact, moved-away, deceased, changed-therapy; ' +
        '/data/startedAt must match format "date-time"; /data/talkSeconds must be >= 0',
    );
  });

  it('never quotes the offending value, which may be patient data', () => {
    const broken = mutated(sampleOf('revisit.patient.registered.v1'), (copy) => {
      const demographics = (copy['data'] as { demographics: { phones: { number: string }[] } }).demographics;
      demographics.phones[0]!.number = '138-0013-8000 王小明';
    });
    const result = validateEvent(broken);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/王小明|0013/);
  });

  it('rejects an unknown version of a known event', () => {
    const result = validateEvent({ ...sampleOf('revisit.patient.linked.v1'), type: 'revisit.patient.linked.v2' });
    expect(result).toEqual({
      ok: false,
      code: EventErrorCode.UnknownVersion,
      errors: [{ path: '/type', message: 'version 2 is not in the catalogue (known: v1)' }],
    });
  });

  it.each(['revisit.patient.teleported.v1', 'com.example.thing', ''])('rejects the unknown type "%s"', (type) => {
    const result = validateEvent({ ...sampleOf('revisit.patient.linked.v1'), type });
    expect(result).toMatchObject({ ok: false, code: EventErrorCode.UnknownType });
  });

  it.each([
    ['a time without offset', { time: '2026-03-02T10:00:00' }, '/time must match format "date-time"'],
    ['a UUIDv4 id', { id: '9b2e8f0e-4c1a-4f5e-9d3b-2a1c0e7f6d5b' }, '/id must match pattern'],
    ['another spec version', { specversion: '0.3' }, '/specversion must be equal to constant: 1.0'],
    ['a bad traceparent', { traceparent: 'abc' }, '/traceparent must match pattern'],
  ])('rejects an envelope with %s', (_what, override, message) => {
    const result = validateEvent({ ...sampleOf('revisit.patient.linked.v1'), ...override });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(EventErrorCode.InvalidEnvelope);
    expect(describeIssues(result.errors)).toContain(message);
  });

  it('rejects a dataschema that does not belong to the type', () => {
    const result = validateEvent({
      ...sampleOf('revisit.patient.linked.v1'),
      dataschema: 'urn:revisit:schema:revisit.patient.merged.v1',
    });
    expect(result).toMatchObject({ ok: false, code: EventErrorCode.InvalidEnvelope });
  });

  it('rejects a subject that is not the aggregate id in data', () => {
    const result = validateEvent({ ...sampleOf('revisit.clinical.medication-dispensed.v1'), subject: 'EP99999999' });
    expect(result).toEqual({
      ok: false,
      code: EventErrorCode.SubjectMismatch,
      errors: [{ path: '/subject', message: 'must equal data/patient/enterpriseId (the patient id)' }],
    });
  });

  it('rejects an envelope orgid that differs from data.orgId', () => {
    const result = validateEvent({ ...sampleOf('revisit.followup.task-due.v1'), orgid: 'org-other' });
    expect(result).toMatchObject({ ok: false, code: EventErrorCode.OrganisationMismatch });
  });

  it('rejects values that are not envelopes at all', () => {
    expect(validateEvent(null)).toMatchObject({ ok: false, code: EventErrorCode.InvalidEnvelope });
    expect(validateEvent('revisit.patient.linked.v1')).toMatchObject({
      ok: false,
      code: EventErrorCode.InvalidEnvelope,
    });
  });

  it('accepts CloudEvents extension attributes it does not know', () => {
    expect(validateEvent({ ...sampleOf('revisit.patient.linked.v1'), partitionkey: 'x' }).ok).toBe(true);
  });
});

describe('validateEvent conditional rules', () => {
  it('requires prescription length and visit type for a TCM prescription', () => {
    const result = validateEvent(
      mutated(sampleOf('revisit.clinical.procedure-performed.v1'), (copy) => {
        (copy['data'] as Record<string, unknown>)['category'] = 'tcm-prescription';
        delete (copy['data'] as Record<string, unknown>)['visitType'];
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeIssues(result.errors)).toBe(
      "/data must have required property 'tcm'; /data must have required property 'visitType'; " +
        '/data must match "then" schema',
    );
  });

  it('narrows the validated event by type', () => {
    const result = validateEvent(sampleOf('revisit.clinical.medication-dispensed.v1'));
    if (!result.ok || result.event.type !== 'revisit.clinical.medication-dispensed.v1') throw new Error('expected ok');
    // Compiles only because `type` discriminates `data`.
    expect(result.event.data.drug.classCodes[0]!.code).toBe('C09CA03');
  });
});
