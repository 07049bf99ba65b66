import { CHRONIC_DRUGS, type ChronicDrug, type Condition } from '../sample/catalogue';
import { DAY } from '../sample/clock';
import { type Rng } from '../sample/rng';
import { daysLater, during, type HistoryWindow } from './feed-item';

/** One purchase of a chronic drug: at a hospital visit or at a pharmacy store. */
export interface ChronicDispense {
  readonly at: number;
  readonly drug: ChronicDrug;
  readonly condition: Condition;
  /** Index of the purchase in its course (0 = first in the window). */
  readonly refill: number;
  /** The purchase is taken back: a full return (退药) shortly after. */
  readonly returnedAt?: number;
}

export function supplyDays(drug: ChronicDrug): number {
  return Math.floor((drug.packs * drug.packSize) / drug.perDay);
}

function drugFor(r: Rng, condition: Condition): ChronicDrug {
  const options = CHRONIC_DRUGS.filter((d) => d.condition === condition);
  // Metformin and amlodipine are the first-line drugs most patients are on.
  return r.chance(0.45) ? options[0]! : r.pick(options);
}

/** A drug of the same ATC level-4 subgroup (C08CA01 -> C08CA05): a therapy change, not a new course. */
function switchedDrug(r: Rng, drug: ChronicDrug): ChronicDrug | undefined {
  const same = CHRONIC_DRUGS.filter((d) => d !== drug && d.atc.slice(0, 5) === drug.atc.slice(0, 5));
  return same.length > 0 ? r.pick(same) : undefined;
}

/**
 * Refills of one chronic therapy: patients already on it buy when their supply runs out, give or take
 * a few days; some come 5-20 days late, some stop, a few switch to a sibling drug, a few return a purchase.
 */
export function chronicCourse(
  r: Rng,
  condition: Condition,
  window: HistoryWindow,
  openingHours: readonly [number, number],
  returnRate: number,
): ChronicDispense[] {
  let drug = drugFor(r, condition);
  const out: ChronicDispense[] = [];
  let day = daysLater(window.start, r.int(supplyDays(drug)));
  for (let refill = 0; day <= window.end; refill++) {
    const at = during(r, day, openingHours[0], openingHours[1]);
    if (at > window.end) break;
    const returned = r.chance(returnRate);
    const returnedAt = returned
      ? during(r, daysLater(at, r.between(0, 3)), openingHours[0], openingHours[1])
      : undefined;
    out.push({ at, drug, condition, refill, ...(returnedAt !== undefined && returnedAt > at ? { returnedAt } : {}) });
    if (r.chance(0.05)) break;
    if (r.chance(0.03)) drug = switchedDrug(r, drug) ?? drug;
    const late = r.chance(0.15);
    const gap = supplyDays(drug) + (late ? r.between(5, 20) : r.between(-5, 2));
    day = Math.max(day + DAY, daysLater(at, gap));
  }
  return out;
}
