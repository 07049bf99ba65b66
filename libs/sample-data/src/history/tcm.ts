import { TCM_DEPARTMENTS, TCM_FORMULAS, TCM_PRESCRIPTION_DAYS } from '../sample/catalogue';
import { formatIso, MINUTE } from '../sample/clock';
import { TCM_SOURCE } from '../sample/organisations';
import { type Registration } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import {
  type BundleEntry,
  bundleEntryReference,
  patientReference,
  patientResource,
  postEntry,
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

const VISIT_TYPE_SYSTEM = 'urn:revisit-demo:tcm:visit-type';
const FORMULA_SYSTEM = 'urn:revisit-demo:tcm:formula';
const RECORD_SYSTEM = 'urn:revisit-demo:tcm:record';

/**
 * The TCM clinic's bundles for one patient: a first visit (初诊) with a herbal prescription of N 剂 at
 * 每日1剂 (days supply N) in a TCM department, then return visits (复诊) around the end of the supply.
 */
export class TcmHistory {
  readonly items: FhirItem[] = [];
  private seq = 0;

  constructor(
    private readonly r: Rng,
    private readonly registration: Registration,
  ) {}

  private id(prefix: string): string {
    return `${this.registration.localId}-${prefix}${String(++this.seq).padStart(2, '0')}`;
  }

  run(window: HistoryWindow): void {
    const department = this.r.pick(TCM_DEPARTMENTS);
    const doctor = `Practitioner/TCM-0${this.r.between(1, 4)}`;
    const patientUuid = this.r.uuid();
    let day = randomDay(this.r, window);
    for (let visit = 0; visit < 4; visit++) {
      const at = during(this.r, day, 8, 17);
      const days = this.r.pick(TCM_PRESCRIPTION_DAYS);
      const first = visit === 0;
      const subject = first ? bundleEntryReference(patientUuid) : patientReference(this.registration);
      const encounterUuid = this.r.uuid();
      const encounterId = this.id('E');
      const dispenseId = this.id('M');
      const handedOverAt = at + this.r.between(30, 90) * MINUTE;
      if (handedOverAt > window.end) return;
      const entries: BundleEntry[] = [];
      const events: SampleEventType[] = [];
      if (first) {
        entries.push(postEntry(patientUuid, patientResource(this.registration)));
        events.push(EVENT.registered);
      }
      entries.push(
        postEntry(encounterUuid, {
          resourceType: 'Encounter',
          id: encounterId,
          identifier: [{ system: RECORD_SYSTEM, value: encounterId }],
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: '门诊' },
          type: [
            {
              coding: [
                { system: VISIT_TYPE_SYSTEM, code: first ? 'first' : 'return', display: first ? '初诊' : '复诊' },
              ],
              text: first ? '初诊' : '复诊',
            },
          ],
          serviceType: { coding: [{ display: department }], text: department },
          subject,
          participant: [{ individual: { reference: doctor } }],
          period: { start: formatIso(at), end: formatIso(at + 20 * MINUTE) },
        }),
      );
      events.push(EVENT.encounterDischarged);
      const formula = this.r.pick(TCM_FORMULAS);
      entries.push(
        postEntry(this.r.uuid(), {
          resourceType: 'MedicationDispense',
          id: dispenseId,
          identifier: [{ system: RECORD_SYSTEM, value: dispenseId }],
          status: 'completed',
          medicationCodeableConcept: {
            coding: [{ system: FORMULA_SYSTEM, code: `F${TCM_FORMULAS.indexOf(formula) + 1}`, display: formula }],
            text: formula,
          },
          subject,
          context: bundleEntryReference(encounterUuid),
          performer: [{ actor: { reference: 'Practitioner/TCM-PH1' } }],
          quantity: { value: days, unit: '剂' },
          daysSupply: { value: days, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' },
          whenHandedOver: formatIso(handedOverAt),
          dosageInstruction: [{ text: '每日1剂，水煎400ml，早晚分服' }],
        }),
      );
      events.push(EVENT.dispensed);
      const sentAt = handedOverAt + 5 * MINUTE;
      this.items.push({
        feed: 'fhir-r4',
        source: TCM_SOURCE,
        personId: this.registration.personId,
        at: sentAt,
        bundle: transactionBundle(this.r.uuid(), TCM_SOURCE.id, sentAt, entries),
        events,
      });
      if (!this.r.chance(0.55)) return;
      day = daysLater(at, days + this.r.between(-3, 5));
    }
  }
}
