import { formatCsv, type LocalTime } from '../sample/clock';
import { ERP_SOURCE } from '../sample/organisations';
import { type Registration } from '../sample/registrations';
import { type Rng } from '../sample/rng';
import { type ErpRow } from '../writers/erp-csv';
import { type ChronicDispense, supplyDays } from './chronic-dispensing';
import { EVENT, type ErpItem } from './feed-item';

const CLERKS: readonly string[] = ['S017', 'S021', 'S033', 'S048'];
const PACK_PRICE: Readonly<Record<string, string>> = { 片: '29.80', 粒: '36.50' };

/** The ERP's sale lines for one member: a sale per chronic purchase, a negative line per return (退货). */
export function pharmacySales(
  r: Rng,
  member: Registration,
  stores: readonly string[],
  purchases: readonly ChronicDispense[],
  personNumber: string,
): ErpItem[] {
  const items: ErpItem[] = [];
  let seq = 0;
  const ticket = (at: LocalTime, store: string): string =>
    `${store}${formatCsv(at).slice(0, 10).replace(/-/g, '')}${personNumber}${String(++seq).padStart(3, '0')}`;
  for (const purchase of purchases) {
    const store = r.pick(stores);
    const drug = purchase.drug;
    const [drugName, spec] = drug.name.split(' ');
    const withDays = r.chance(0.6);
    const row = (at: LocalTime, quantity: number): ErpRow => ({
      ticketNo: ticket(at, store),
      soldAt: formatCsv(at),
      store,
      memberId: member.localId,
      name: member.fullName ?? member.surname + member.given,
      phone: member.phone ?? '',
      idCard: member.idCard ?? '',
      drugCode: drug.sku,
      drugName: drugName!,
      spec: spec ?? '',
      quantity,
      unit: '盒',
      sig: drug.sig,
      daysSupply: withDays && quantity > 0 ? String(supplyDays(drug)) : '',
      clerk: r.pick(CLERKS),
      price: PACK_PRICE[drug.unit] ?? '30.00',
    });
    const sale = row(purchase.at, drug.packs);
    items.push({
      feed: 'erp-csv',
      source: ERP_SOURCE,
      personId: member.personId,
      at: purchase.at,
      row: sale,
      events: [EVENT.dispensed],
    });
    if (purchase.returnedAt !== undefined) {
      items.push({
        feed: 'erp-csv',
        source: ERP_SOURCE,
        personId: member.personId,
        at: purchase.returnedAt,
        row: row(purchase.returnedAt, -drug.packs),
        events: [EVENT.dispenseReversed],
      });
    }
  }
  return items;
}
