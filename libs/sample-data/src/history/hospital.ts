import { CLINIC_OF, type Condition, DIAGNOSES, DOCTORS, WARDS } from '../sample/catalogue';
import { formatHl7, HOUR, type LocalTime, MINUTE } from '../sample/clock';
import { HIS_SOURCE } from '../sample/organisations';
import { randomMobile } from '../sample/people';
import { type Registration } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import { components, pid, segment } from '../writers/hl7v2';
import { type ChronicDispense, supplyDays } from './chronic-dispensing';
import { daysLater, during, EVENT, type Hl7Item, type HistoryWindow } from './feed-item';

const ACUTE: readonly { readonly code: string; readonly display: string }[] = [
  { code: 'J06.9', display: '急性上呼吸道感染' },
  { code: 'K29.7', display: '胃炎' },
  { code: 'M54.5', display: '腰痛' },
  { code: 'R51', display: '头痛' },
  { code: 'J20.9', display: '急性支气管炎' },
];

/** HL7 table 0335 repeat patterns for 每日1/2/3次. */
const FREQUENCY: Readonly<Record<number, string>> = { 1: 'QD', 2: 'BID', 3: 'TID' };

interface Visit {
  readonly at: LocalTime;
  readonly kind: 'O' | 'E' | 'I';
  readonly department: { readonly code: string; readonly name: string };
  readonly diagnoses: readonly { readonly code: string; readonly display: string }[];
  readonly visitNumber: string;
  readonly doctor: (typeof DOCTORS)[number];
}

/** Builds the HIS's messages for one patient; the registration's phone changes after an A08. */
export class HospitalHistory {
  readonly items: Hl7Item[] = [];
  private seq = 0;
  private phoneChange?: { readonly at: LocalTime; readonly registration: Registration };

  constructor(
    private readonly r: Rng,
    private readonly registration: Registration,
    private readonly personNumber: string,
  ) {}

  private next(prefix: string): string {
    return `${prefix}${this.personNumber}${String(++this.seq).padStart(4, '0')}`;
  }

  private registrationAt(at: LocalTime): Registration {
    return this.phoneChange && at >= this.phoneChange.at ? this.phoneChange.registration : this.registration;
  }

  private push(item: Omit<Hl7Item, 'feed' | 'source' | 'personId'>): void {
    this.items.push({ feed: 'hl7v2', source: HIS_SOURCE, personId: this.registration.personId, ...item });
  }

  private pv1(visit: Visit, endedAt?: LocalTime): string {
    return segment('PV1', {
      1: '1',
      2: visit.kind,
      3: components(visit.department.name, undefined, undefined, 'DEMO-HOSP'),
      7: components(visit.doctor.id, visit.doctor.family, visit.doctor.given),
      10: visit.department.code,
      19: visit.visitNumber,
      44: formatHl7(visit.at),
      45: endedAt !== undefined ? formatHl7(endedAt) : '',
    });
  }

  private dg1s(visit: Visit): string[] {
    return visit.diagnoses.map((d, i) => segment('DG1', { 1: String(i + 1), 3: components(d.code, d.display, 'I10') }));
  }

  /** ADT^A04 (outpatient/emergency registration, 挂号) or A01 (admission). */
  private admit(visit: Visit, registration: Registration = this.registrationAt(visit.at)): void {
    const trigger = visit.kind === 'I' ? 'A01' : 'A04';
    this.push({
      at: visit.at,
      stream: 'adt',
      charset: 'gb18030',
      messageType: `ADT^${trigger}^ADT_A01`,
      body: [
        segment('EVN', { 1: trigger, 2: formatHl7(visit.at) }),
        pid(registration),
        this.pv1(visit),
        ...this.dg1s(visit),
      ],
      events: [EVENT.registered, EVENT.encounterStarted],
    });
  }

  visit(at: LocalTime, kind: Visit['kind'], department: Visit['department'], diagnoses: Visit['diagnoses']): Visit {
    const visit = { at, kind, department, diagnoses, visitNumber: this.next('V'), doctor: this.r.pick(DOCTORS) };
    this.admit(visit);
    return visit;
  }

  /** Prescription (RDE^O11) and dispense (RDS^O13) at the hospital pharmacy, optionally taken back. */
  chronicVisit(dispense: ChronicDispense, conditions: readonly Condition[]): void {
    const clinic = CLINIC_OF[dispense.condition];
    const visit = this.visit(
      dispense.at,
      'O',
      clinic,
      conditions.map((c) => DIAGNOSES[c]),
    );
    const drug = dispense.drug;
    const order = this.next('RX');
    const dispenseId = this.next('FY');
    const quantity = String(drug.packs * drug.packSize);
    const days = String(supplyDays(drug));
    const drugCode = components(drug.atc, drug.name, 'WC');
    const registration = this.registrationAt(visit.at);
    const unit = components(drug.unit === '片' ? 'TAB' : 'CAP', drug.unit);
    const rxe = segment('RXE', {
      1: components(undefined, FREQUENCY[drug.timesPerDay]),
      2: drugCode,
      3: String(drug.perDay / drug.timesPerDay),
      5: unit,
      7: components(undefined, drug.sig),
      10: quantity,
      11: unit,
    });
    const tq1 = segment('TQ1', { 1: '1', 3: FREQUENCY[drug.timesPerDay], 6: components(days, 'd') });
    const prescribedAt = visit.at + this.r.between(8, 25) * MINUTE;
    const orc = (control: string): string =>
      segment('ORC', {
        1: control,
        2: order,
        3: dispenseId,
        9: formatHl7(prescribedAt),
        12: components(visit.doctor.id, visit.doctor.family, visit.doctor.given),
      });
    this.push({
      at: prescribedAt,
      stream: 'pharmacy',
      charset: 'utf-8',
      messageType: 'RDE^O11^RDE_O11',
      body: [pid(registration), this.pv1(visit), orc('NW'), rxe, tq1],
      events: [EVENT.prescribed],
    });
    const dispensedAt = prescribedAt + this.r.between(15, 60) * MINUTE;
    const rxd = segment('RXD', {
      1: '1',
      2: drugCode,
      3: formatHl7(dispensedAt),
      4: quantity,
      5: unit,
      7: order,
      10: components('P017', '张', '药师'),
      15: components(undefined, drug.sig),
    });
    this.push({
      at: dispensedAt,
      stream: 'pharmacy',
      charset: 'utf-8',
      messageType: 'RDS^O13^RDS_O13',
      body: [pid(registration), orc('RE'), rxe, tq1, rxd],
      events: [EVENT.dispensed],
    });
    if (dispense.returnedAt !== undefined) {
      // 退药: the pharmacy cancels the dispense (ORC-1 CA) with the original dispense id.
      this.push({
        at: Math.max(dispense.returnedAt, dispensedAt + HOUR),
        stream: 'pharmacy',
        charset: 'utf-8',
        messageType: 'RDS^O13^RDS_O13',
        body: [pid(registration), orc('CA'), rxe, tq1, rxd],
        events: [EVENT.dispenseReversed],
      });
    }
  }

  /** A walk-in outpatient visit; some get an infusion, charged and reported as DFT^P03. */
  acuteVisit(at: LocalTime, infusion: boolean): void {
    const visit = this.visit(at, 'O', CLINIC_OF.general, [this.r.pick(ACUTE)]);
    if (!infusion) return;
    const performedAt = visit.at + this.r.between(40, 120) * MINUTE;
    this.push({
      at: performedAt + 30 * MINUTE,
      stream: 'billing',
      charset: 'utf-8',
      messageType: 'DFT^P03^DFT_P03',
      body: [
        segment('EVN', { 1: 'P03', 2: formatHl7(performedAt + 30 * MINUTE) }),
        pid(this.registrationAt(performedAt)),
        this.pv1(visit),
        segment('PR1', {
          1: '1',
          3: components('99.18', '静脉输液', 'ICD9CM'),
          5: formatHl7(performedAt),
          12: components('N203', '陈', '护士'),
          19: this.next('PR'),
        }),
      ],
      events: [EVENT.procedure],
    });
  }

  /** Admission (A01) and, if it falls in the window, discharge (A03) 3-14 days later. */
  inpatientStay(at: LocalTime, window: HistoryWindow): void {
    const ward = this.r.pick(WARDS);
    const visit = this.visit(at, 'I', ward, [ward.diagnosis]);
    const dischargedAt = during(this.r, daysLater(at, this.r.between(3, 14)), 9, 16);
    if (dischargedAt > window.end) return;
    this.push({
      at: dischargedAt,
      stream: 'adt',
      charset: 'gb18030',
      messageType: 'ADT^A03^ADT_A03',
      body: [
        segment('EVN', { 1: 'A03', 2: formatHl7(dischargedAt) }),
        pid(this.registrationAt(dischargedAt)),
        this.pv1(visit, dischargedAt),
        ...this.dg1s(visit),
      ],
      events: [EVENT.encounterDischarged],
    });
  }

  /** ADT^A08: the patient gave a new mobile number at the desk; later messages carry it. */
  phoneChanged(at: LocalTime): void {
    const registration: Registration = { ...this.registration, phone: randomMobile(this.r) };
    this.phoneChange = { at, registration };
    this.push({
      at,
      stream: 'adt',
      charset: 'gb18030',
      messageType: 'ADT^A08^ADT_A01',
      body: [segment('EVN', { 1: 'A08', 2: formatHl7(at) }), pid(registration), segment('PV1', { 1: '1', 2: 'N' })],
      events: [EVENT.updated],
    });
  }

  /** An emergency visit registered under a second record (no papers at hand): the EMPI's merge work. */
  emergencyAsDuplicate(at: LocalTime, duplicate: Registration): void {
    const visit = {
      at,
      kind: 'E' as const,
      department: { code: 'EMER', name: '急诊科' },
      diagnoses: [this.r.pick(ACUTE)],
      visitNumber: this.next('E'),
      doctor: this.r.pick(DOCTORS),
    };
    this.admit(visit, duplicate);
  }
}
