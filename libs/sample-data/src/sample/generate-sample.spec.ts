import { parseResidentIdCard } from '@revisit/domain';
import * as iconv from 'iconv-lite';
import { MOBILE_PREFIXES } from '../population/chinese-corpus';
import { generateSample, type GeneratedFile, SampleOptionsError } from './generate-sample';
import { type GroundTruthMessage } from './ground-truth';

const options = { seed: 7, patients: 160, months: 2, until: '2026-11-23' };
const sample = generateSample(options);

const text = (path: string): string => sample.files.find((f) => f.path === path)!.bytes.toString('utf8');
const csvRows = (path: string): Record<string, string>[] => {
  const [header, ...lines] = text(path).trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
};
const people = csvRows('truth/people.csv');
const records = csvRows('truth/records.csv');
const messages = text('truth/messages.ndjson')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as GroundTruthMessage);
const digest = (files: readonly GeneratedFile[]): string[] =>
  files.map((f) => `${f.path}:${f.bytes.toString('base64')}`);

describe('generateSample', () => {
  it('writes the same bytes for the same options and different ones for another seed', () => {
    expect(digest(generateSample(options).files)).toEqual(digest(sample.files));
    const other = generateSample({ ...options, seed: 8 });
    expect(text('truth/people.csv')).not.toEqual(
      other.files.find((f) => f.path === 'truth/people.csv')!.bytes.toString(),
    );
    expect(digest(other.files)).not.toEqual(digest(sample.files));
  });

  it('keeps everyone registered before a longer history: --months only widens the window', () => {
    const longer = generateSample({ ...options, months: 4 });
    expect(longer.files.find((f) => f.path === 'truth/people.csv')!.bytes.toString()).toEqual(text('truth/people.csv'));
    expect(longer.summary.messages.hl7v2).toBeGreaterThan(sample.summary.messages.hl7v2);
  });

  it('gives every person a valid GB 11643 ID card that encodes their birth date and sex', () => {
    expect(people).toHaveLength(160);
    expect(new Set(people.map((p) => p['id_card'])).size).toBe(160);
    for (const person of people) {
      const parsed = parseResidentIdCard(person['id_card']!);
      if (!parsed.ok) throw new Error(`invalid ID card for ${person['person_id']}`);
      expect(parsed.card.birthDate).toBe(person['birth_date']);
      expect(parsed.card.sex).toBe(person['sex'] === 'M' ? 'male' : 'female');
    }
  });

  it('gives mainland mobile numbers, and registrations carry them as clerks type them', () => {
    for (const person of people) {
      expect(person['mobile']).toMatch(/^1\d{10}$/);
      expect(MOBILE_PREFIXES).toContain(person['mobile']!.slice(0, 3));
    }
    const typed = records.map((r) => r['phone']!).filter((p) => p !== '');
    for (const phone of typed) expect(phone.replace(/^\+86/, '').replace(/ /g, '')).toMatch(/^1[3-9]\d{9}$/);
    expect(typed.some((p) => p.startsWith('+86 '))).toBe(true);
  });

  it('registers people in several systems with the small differences the EMPI must see through', () => {
    const byPerson = new Map<string, Record<string, string>[]>();
    for (const r of records) byPerson.set(r['person_id']!, [...(byPerson.get(r['person_id']!) ?? []), r]);
    const truth = new Map(people.map((p) => [p['person_id']!, p]));
    const multi = [...byPerson.values()].filter((rs) => rs.length > 1);
    expect(multi.length).toBeGreaterThan(160 * 0.25);
    for (const r of records) {
      const person = truth.get(r['person_id']!)!;
      const differences = r['differences']!.split(';');
      // What a record claims to differ in is what differs, and nothing else does.
      expect(r['id_card'] === '').toBe(differences.includes('no-id-card'));
      if (r['id_card'] !== '') expect(r['id_card']).toBe(person['id_card']);
      expect(r['name'] !== person['name']).toBe(
        differences.includes('homophone-name') || differences.includes('traditional-characters'),
      );
      if (differences.includes('homophone-name') && !differences.includes('traditional-characters')) {
        expect([...r['name']!].length).toBe([...person['name']!].length);
        expect([...r['name']!].filter((ch, i) => ch !== [...person['name']!][i])).toHaveLength(1);
      }
      expect(r['sex']).toBe(person['sex']);
      if (!differences.includes('day-month-swapped')) expect(r['birth_date']).toBe(person['birth_date']);
    }
    const perSource: Record<string, number> = {};
    for (const r of records) perSource[r['source_id']!] = (perSource[r['source_id']!] ?? 0) + 1;
    expect(sample.summary.recordsBySource).toEqual(perSource);
    expect(sample.summary.records).toBe(records.length);
    const kinds = new Set(records.flatMap((r) => r['differences']!.split(';')).filter(Boolean));
    for (const kind of ['homophone-name', 'no-id-card', 'other-phone', 'formatted-phone'])
      expect(kinds).toContain(kind);
    // A person's hospital duplicate is a second MRN in the same system.
    const hospitalDuplicates = [...byPerson.values()].filter(
      (rs) => rs.filter((r) => r['source_id'] === 'demo-his').length > 1,
    );
    for (const rs of hospitalDuplicates) expect(new Set(rs.map((r) => r['local_id'])).size).toBe(rs.length);
  });

  it('numbers HL7 messages with control ids unique per sender, in send order, within the window', () => {
    const hl7 = messages.filter((m) => m.feed === 'hl7v2');
    expect(hl7.length).toBeGreaterThan(100);
    expect(new Set(hl7.map((m) => m.controlId)).size).toBe(hl7.length);
    const ids = hl7.map((m) => m.controlId!);
    expect([...ids].sort()).toEqual(ids);
    // Another sample's messages must never look like resends of these to ingest (same sender + control id).
    const other = generateSample({ ...options, until: '2026-11-24' }).files.find(
      (f) => f.path === 'truth/messages.ndjson',
    )!;
    const otherIds = other.bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { controlId?: string }).controlId)
      .filter((id): id is string => id !== undefined);
    expect(otherIds.length).toBeGreaterThan(100);
    expect(otherIds.filter((id) => ids.includes(id))).toEqual([]);
    const times = messages.map((m) => m.at);
    expect([...times].sort()).toEqual(times);
    expect(times[0]! >= `${sample.summary.from}T00:00:00+08:00`).toBe(true);
    expect(times[times.length - 1]! <= '2026-11-23T23:59:59+08:00').toBe(true);
  });

  it('writes each HL7 message where the ground truth says, CR-ended, in the charset MSH-18 declares', () => {
    for (const m of messages.filter((x) => x.feed === 'hl7v2')) {
      const file = sample.files.find((f) => f.path === m.file)!.bytes;
      const bytes = file.subarray(m.offset!, m.offset! + m.length!);
      const decoded = m.charset === 'gb18030' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
      expect(decoded.startsWith('MSH|^~\\&|HIS|DEMO-HOSP|')).toBe(true);
      expect(decoded.endsWith('\r')).toBe(true);
      expect(decoded).not.toContain('\n');
      expect(decoded.split('\r')[0]!.split('|')[9]).toBe(m.controlId);
      expect(decoded.split('\r')[0]!.split('|')[17]).toBe(m.charset === 'gb18030' ? 'GB 18030-2000' : 'UNICODE UTF-8');
    }
    expect(messages.some((m) => m.charset === 'gb18030')).toBe(true);
  });

  it('counts in the summary exactly the events the ground truth lists', () => {
    const counted: Record<string, number> = {};
    for (const m of messages) for (const e of m.events) counted[e] = (counted[e] ?? 0) + 1;
    expect(sample.summary.events).toEqual(counted);
    for (const type of [
      'revisit.clinical.medication-dispensed.v1',
      'revisit.clinical.procedure-performed.v1',
      'revisit.appointment.booked.v1',
      'revisit.clinical.encounter-discharged.v1',
    ]) {
      expect(counted[type]).toBeGreaterThan(0);
    }
  });

  it('refuses impossible options with a reason', () => {
    expect(() => generateSample({ ...options, until: '2026-02-30' })).toThrow(SampleOptionsError);
    expect(() => generateSample({ ...options, patients: 0 })).toThrow(/--patients/);
    expect(() => generateSample({ ...options, months: 0 })).toThrow(/--months/);
    expect(() => generateSample({ ...options, seed: -1 })).toThrow(/--seed/);
    expect(() => generateSample({ ...options, patients: 40_000, months: 12 })).toThrow(/--patients x --months/);
  });
});
