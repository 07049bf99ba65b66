import { type PersonRecord } from '../person-record';
import { checkIds, columns, parseCsvTable } from './csv-table';

const REQUIRED = ['rec_id', 'given_name', 'surname', 'date_of_birth'] as const;
const OPTIONAL = ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'] as const;

/**
 * FEBRL data-set generator CSV (Christen): Australian names and addresses, YYYYMMDD birth dates and a
 * synthetic social security number. `rec_id` is carried through as an opaque id only.
 */
export function readFebrlCsv(text: string, source: string): PersonRecord[] {
  const table = parseCsvTable(text, source);
  const col = columns(table, source, REQUIRED, OPTIONAL);
  const ids = checkIds(table.rows.map(col.rec_id), source);
  return table.rows.map((row, index) => ({
    id: ids[index]!,
    name: { given: col.given_name(row), family: col.surname(row) },
    birthDate: col.date_of_birth(row),
    identifiers: { otherId: col.soc_sec_id(row) },
    address: {
      streetNumber: col.street_number(row),
      street: col.address_1(row),
      line2: col.address_2(row),
      suburb: col.suburb(row),
      postcode: col.postcode(row),
      state: col.state(row),
    },
  }));
}
