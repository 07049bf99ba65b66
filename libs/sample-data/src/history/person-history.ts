import { type SamplePerson } from '../sample/people';
import { type Memberships } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import { type ChronicDispense, chronicCourse } from './chronic-dispensing';
import { DentalHistory } from './dental';
import { during, type FeedItem, type HistoryWindow, randomDay as dayIn } from './feed-item';
import { HospitalHistory } from './hospital';
import { pharmacySales } from './pharmacy';
import { TcmHistory } from './tcm';

/** Where a chronic patient buys: the hospital pharmacy, the chain's stores, or (member of both) either. */
function chronicChannel(r: Rng, hospital: boolean, pharmacy: boolean): 'hospital' | 'pharmacy' | undefined {
  if (hospital && pharmacy) return r.chance(0.5) ? 'hospital' : 'pharmacy';
  return hospital ? 'hospital' : pharmacy ? 'pharmacy' : undefined;
}

/** Everything the four organisations' systems send about one person during the window. */
export function personHistory(person: SamplePerson, m: Memberships, r: Rng, window: HistoryWindow): FeedItem[] {
  // Fixed width (6 digits up to MAX_PATIENTS), so ids built from it cannot run into each other.
  const personNumber = person.id.slice('person-'.length);
  const randomDay = (): number => dayIn(r, window);
  const items: FeedItem[] = [];

  const hospital = m.hospital ? new HospitalHistory(r, m.hospital, personNumber) : undefined;
  if (hospital && r.chance(0.04)) hospital.phoneChanged(during(r, randomDay(), 9, 17));

  const atPharmacy: ChronicDispense[] = [];
  for (const condition of person.conditions) {
    const channel = chronicChannel(r, m.hospital !== undefined, m.pharmacy !== undefined);
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
    for (let i = 0; i < acuteVisits; i++) hospital.acuteVisit(during(r, randomDay(), 8, 17), r.chance(0.08));
    if (r.chance(0.05)) hospital.inpatientStay(during(r, randomDay(), 9, 19), window);
    if (m.hospitalDuplicate) hospital.emergencyAsDuplicate(during(r, randomDay(), 0, 24), m.hospitalDuplicate);
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
