import { DAY, type LocalTime, MINUTE, startOfDay } from '../sample/clock';
import { type SampleSource } from '../sample/organisations';
import { type Rng } from '../sample/rng';
import { type ErpRow } from '../writers/erp-csv';
import { type TransactionBundle } from '../writers/fhir';
import { type Hl7Charset } from '../writers/hl7v2';

/** Event types `revisit ingest parse` produces for the generated feeds (ingest's normalised events). */
export const EVENT = {
  registered: 'revisit.source.patient-registered.v1',
  updated: 'revisit.source.patient-updated.v1',
  encounterStarted: 'revisit.clinical.encounter-started.v1',
  encounterDischarged: 'revisit.clinical.encounter-discharged.v1',
  prescribed: 'revisit.clinical.medication-prescribed.v1',
  dispensed: 'revisit.clinical.medication-dispensed.v1',
  dispenseReversed: 'revisit.clinical.medication-dispense-reversed.v1',
  procedure: 'revisit.clinical.procedure-performed.v1',
  booked: 'revisit.appointment.booked.v1',
  attended: 'revisit.appointment.attended.v1',
  noShow: 'revisit.appointment.no-show.v1',
} as const;

export type SampleEventType = (typeof EVENT)[keyof typeof EVENT];

interface ItemBase {
  /** When the sending system emits it (local Asia/Shanghai time). */
  readonly at: LocalTime;
  readonly personId: string;
  readonly source: SampleSource;
  /** The events ingest derives from it, in the order `revisit ingest parse` prints them. */
  readonly events: readonly SampleEventType[];
}

export interface Hl7Item extends ItemBase {
  readonly feed: 'hl7v2';
  /** Which HIS interface sends it: the ADT interface is an older GB 18030 one. */
  readonly stream: 'adt' | 'pharmacy' | 'billing';
  readonly charset: Hl7Charset;
  readonly messageType: string;
  /** Segments after MSH; MSH is written once the control id is known (chronological per sender). */
  readonly body: readonly string[];
}

export interface FhirItem extends ItemBase {
  readonly feed: 'fhir-r4';
  readonly bundle: TransactionBundle;
}

export interface ErpItem extends ItemBase {
  readonly feed: 'erp-csv';
  readonly row: ErpRow;
}

export type FeedItem = Hl7Item | FhirItem | ErpItem;

/** The period the history covers: from `start` (midnight) to `end` (the last millisecond of --until). */
export interface HistoryWindow {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** A time on the given day between two hours (opening hours), to the minute. */
export function during(r: Rng, day: LocalTime, fromHour: number, toHour: number): LocalTime {
  return startOfDay(day) + fromHour * 60 * MINUTE + r.int((toHour - fromHour) * 60) * MINUTE;
}

/** Midnight of a random day of the window. */
export function randomDay(r: Rng, window: HistoryWindow): LocalTime {
  return window.start + r.int(Math.max(1, Math.floor((window.end - window.start) / DAY))) * DAY;
}

export function daysLater(t: LocalTime, days: number): LocalTime {
  return startOfDay(t) + days * DAY;
}
