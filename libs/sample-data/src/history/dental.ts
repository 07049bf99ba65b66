import { DENTAL_CODE_SYSTEM, DENTAL_PROCEDURES, type DentalProcedureKey, DENTISTS, SNOMED } from '../sample/catalogue';
import { formatIso, type LocalTime, MINUTE } from '../sample/clock';
import { DENTAL_SOURCE, PROCEDURE_CATEGORY_SYSTEM } from '../sample/organisations';
import { type Registration } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import {
  type BundleEntry,
  bundleEntryReference,
  type FhirResource,
  patientReference,
  patientResource,
  postEntry,
  putEntry,
  transactionBundle,
} from '../writers/fhir';
import {
  daysLater,
  during,
  EVENT,
  type FhirItem,
  type HistoryWindow,
  randomDay,
  type SampleEventType,
} from './feed-item';

/** A course of dental care: the procedure of each visit and the days until the next booked visit. */
type Course = readonly (readonly [DentalProcedureKey, number?])[];

function course(r: Rng): Course {
  const roll = r.next();
  if (roll < 0.33) return [['scaling', r.chance(0.3) ? 180 : undefined]];
  if (roll < 0.48) return [['filling']];
  if (roll < 0.6) return [['extraction']];
  if (roll < 0.75) return [['pulpOpening', 7], ['canalEnlargement', 7], ['rootCanalFilling']];
  if (roll < 0.85) {
    const adjustments = Array.from({ length: 6 }, () => ['orthoAdjustment', 30] as const);
    return r.chance(0.3) ? [['orthoFitting', 30], ...adjustments] : adjustments;
  }
  if (roll < 0.9) return [['implant', 90]];
  return [['extraction', 60], ['denture']];
}

const APPOINTMENT_SYSTEM = 'urn:revisit-demo:dental:appointment';
const PROCEDURE_SYSTEM = 'urn:revisit-demo:dental:procedure-record';

/**
 * The dental PMS's FHIR bundles for one patient: each visit posts its Procedure and books the next
 * visit (Appointment); the booked appointment is later updated to fulfilled or noshow, and a no-show is
 * usually rebooked. The Patient is sent with the first bundle; later bundles name it by reference.
 */
export class DentalHistory {
  readonly items: FhirItem[] = [];
  private seq = 0;
  private registered = false;
  private readonly patientUuid: string;

  constructor(
    private readonly r: Rng,
    private readonly registration: Registration,
  ) {
    this.patientUuid = r.uuid();
  }

  private id(prefix: string): string {
    return `${this.registration.localId}-${prefix}${String(++this.seq).padStart(2, '0')}`;
  }

  private subject(): Record<string, unknown> {
    return this.registered ? patientReference(this.registration) : bundleEntryReference(this.patientUuid);
  }

  private emit(at: LocalTime, entries: BundleEntry[], events: SampleEventType[]): void {
    const withPatient = !this.registered;
    const all = withPatient ? [postEntry(this.patientUuid, patientResource(this.registration)), ...entries] : entries;
    this.items.push({
      feed: 'fhir-r4',
      source: DENTAL_SOURCE,
      personId: this.registration.personId,
      at,
      bundle: transactionBundle(this.r.uuid(), DENTAL_SOURCE.id, at, all),
      events: withPatient ? [EVENT.registered, ...events] : events,
    });
    this.registered = true;
  }

  private procedure(key: DentalProcedureKey, at: LocalTime, dentist: string): FhirResource {
    const p = DENTAL_PROCEDURES[key];
    const id = this.id('P');
    return {
      resourceType: 'Procedure',
      id,
      identifier: [{ system: PROCEDURE_SYSTEM, value: id }],
      status: 'completed',
      category: { coding: [{ system: PROCEDURE_CATEGORY_SYSTEM, code: p.category }] },
      code: {
        coding: [{ system: key === 'extraction' ? SNOMED : DENTAL_CODE_SYSTEM, code: p.code, display: p.display }],
        text: p.display,
      },
      subject: this.subject(),
      performedDateTime: formatIso(at),
      performer: [{ actor: { reference: `Practitioner/${dentist}` } }],
      bodySite: [{ text: `牙位 ${this.r.pick(['11', '16', '26', '36', '46', '47', '37'])}` }],
    };
  }

  private appointment(
    id: string,
    status: string,
    start: LocalTime,
    created: LocalTime,
    dentist: string,
    reason: string,
  ): FhirResource & { id: string } {
    return {
      resourceType: 'Appointment',
      id,
      identifier: [{ system: APPOINTMENT_SYSTEM, value: id }],
      status,
      serviceType: [{ text: reason }],
      specialty: [{ text: '口腔科' }],
      description: reason,
      start: formatIso(start),
      end: formatIso(start + 30 * MINUTE),
      minutesDuration: 30,
      created: formatIso(created),
      participant: [
        { actor: this.subject(), status: 'accepted' },
        { actor: { reference: `Practitioner/${dentist}` }, status: 'accepted' },
      ],
    };
  }

  run(window: HistoryWindow): void {
    const steps = course(this.r);
    const dentist = this.r.pick(DENTISTS);
    let visitAt = during(this.r, randomDay(this.r, window), 9, 17);
    let booked: { id: string; start: LocalTime; created: LocalTime; reason: string } | undefined;
    for (let i = 0; i < steps.length && visitAt <= window.end;) {
      const [key, nextInDays] = steps[i]!;
      const entries: BundleEntry[] = [];
      const events: SampleEventType[] = [];
      if (booked) {
        if (this.r.chance(0.12)) {
          // No-show: the front desk marks it two hours later and usually rebooks the next day.
          const markedAt = booked.start + 2 * 60 * MINUTE;
          if (markedAt > window.end) return;
          this.emit(
            markedAt,
            [putEntry(this.appointment(booked.id, 'noshow', booked.start, booked.created, dentist, booked.reason))],
            [EVENT.noShow],
          );
          if (this.r.chance(0.2)) return;
          const rebookedAt = during(this.r, daysLater(markedAt, 1), 9, 17);
          if (rebookedAt > window.end) return;
          const start = during(this.r, daysLater(rebookedAt, this.r.between(3, 10)), 9, 17);
          booked = { id: this.id('A'), start, created: rebookedAt, reason: booked.reason };
          this.emit(
            rebookedAt,
            [
              postEntry(
                this.r.uuid(),
                this.appointment(booked.id, 'booked', start, rebookedAt, dentist, booked.reason),
              ),
            ],
            [EVENT.booked],
          );
          visitAt = start;
          continue;
        }
        entries.push(
          putEntry(this.appointment(booked.id, 'fulfilled', booked.start, booked.created, dentist, booked.reason)),
        );
        events.push(EVENT.attended);
        booked = undefined;
      }
      const performedAt = visitAt + this.r.between(20, 60) * MINUTE;
      entries.push(postEntry(this.r.uuid(), this.procedure(key, performedAt, dentist)));
      events.push(EVENT.procedure);
      if (nextInDays !== undefined) {
        const reason = i + 1 < steps.length ? DENTAL_PROCEDURES[steps[i + 1]![0]].display : '定期复查';
        const start = during(this.r, daysLater(performedAt, nextInDays + this.r.between(-2, 3)), 9, 17);
        booked = { id: this.id('A'), start, created: performedAt + 10 * MINUTE, reason };
        entries.push(
          postEntry(this.r.uuid(), this.appointment(booked.id, 'booked', start, booked.created, dentist, reason)),
        );
        events.push(EVENT.booked);
      }
      const sentAt = performedAt + 15 * MINUTE;
      if (sentAt > window.end) return;
      this.emit(sentAt, entries, events);
      i++;
      if (!booked) return;
      visitAt = booked.start;
    }
  }
}
