import { type SamplePerson } from '../sample/people';
import { type Memberships } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import { type ChronicDispense, chronicCourse } from './chronic-dispensing';
import { DentalHistory } from './dental';
import { type FeedItem, type HistoryWindow, randomDay as dayIn } from './feed-item';
import { HospitalHistory } from './hospital';
import { pharmacySales } from './pharmacy';
import { TcmHistory } from './tcm';

/** Everything the four organisations' systems send about one person during the window. */
export function personHistory(person: SamplePerson, m: Memberships, r: Rng, window: HistoryWindow): FeedItem[] {
  // Fixed width (6 digits up to MAX_PATIENTS), so ids built from it cannot run into each other.
  const personNumber = person.id.slice('person-'.length);
  const randomDay = (): number => dayIn(r, window);
  const items: FeedItem[] = [];

  const hospital = m.hospital ? new HospitalHistory(r, m.hospital, personNumber) : undefined;
  if (hospital && r.chance(0.04)) hospital.phoneChanged(randomDay() + r.between(9 * 60, 17 * 60) * 60_000);

  // Chronic therapy: bought at the hospital pharmacy, at the chain's stores, or (with both) either.
  const atPharmacy: ChronicDispense[] = [];
  for (const condition of person.conditions) {
    const channel =
      hospital && m.pharmacy
        ? r.chance(0.5)
          ? 'hospital'
          : 'pharmacy'
        : hospital
          ? 'hospital'
          : m.pharmacy
            ? 'pharmacy'
            : undefined;
    if (channel === 'hospital') {
      for (const dispense of chronicCourse(r, condition, window, [8, 11], 0.02))
        hospital!.chronicVisit(dispense, person.conditions);
    } else if (channel === 'pharmacy') {
      atPharmacy.push(...chronicCourse(r, condition, window, [8, 21], 0.03));
    }
  }
  if (m.pharmacy && atPharmacy.length > 0)
    items.push(...pharmacySales(r, m.pharmacy, m.stores, atPharmacy, personNumber));

  if (hospital) {
    const acuteVisits = person.conditions.length > 0 ? (r.chance(0.3) ? 1 : 0) : r.pick([0, 0, 1, 1, 2]);
    for (let i = 0; i < acuteVisits; i++)
      hospital.acuteVisit(r.between(8, 16) * 3_600_000 + randomDay(), r.chance(0.08));
    if (r.chance(0.05)) hospital.inpatientStay(randomDay() + r.between(9, 18) * 3_600_000, window);
    if (m.hospitalDuplicate)
      hospital.emergencyAsDuplicate(randomDay() + r.between(0, 23) * 3_600_000, m.hospitalDuplicate);
    items.push(...hospital.items.filter((item) => item.at <= window.end));
  }
  if (m.dental) {
    const dental = new DentalHistory(r, m.dental);
    dental.run(window);
    items.push(...dental.items);
  }
  if (m.tcm) {
    const tcm = new TcmHistory(r, m.tcm);
    tcm.run(window);
    items.push(...tcm.items);
  }
  return items.filter((item) => item.at >= window.start && item.at <= window.end);
}
