import { type PersonRecord, type RecordSex } from '../person-record';
import { checkIds, columns, parseCsvTable } from './csv-table';

const REQUIRED = ['id', 'name'] as const;
const OPTIONAL = ['pinyin', 'sex', 'birth_date', 'id_card', 'passport', 'insurance_card', 'mobile', 'address'] as const;

const SEXES: Record<string, RecordSex> = {
  m: 'male',
  male: 'male',
  男: 'male',
  f: 'female',
  female: 'female',
  女: 'female',
};

/**
 * Our demographic CSV: id, name (Han characters, surname first, or empty), pinyin ("Wang Xiaoming"),
 * sex (M/F/男/女), birth_date (YYYY-MM-DD or YYYYMMDD), id_card, passport, insurance_card, mobile
 * (+86 optional) and address (one string). Unknown extra columns are ignored.
 */
export function readRevisitCsv(text: string, source: string): PersonRecord[] {
  const table = parseCsvTable(text, source);
  const col = columns(table, source, REQUIRED, OPTIONAL);
  const ids = checkIds(table.rows.map(col.id), source);
  return table.rows.map((row, index) => {
    const sex = col.sex(row);
    return {
      id: ids[index]!,
      name: { fullHan: col.name(row), latin: col.pinyin(row) },
      sex: sex === undefined ? undefined : SEXES[sex.toLowerCase()],
      birthDate: col.birth_date(row),
      identifiers: {
        residentIdCard: col.id_card(row),
        passport: col.passport(row),
        insuranceCard: col.insurance_card(row),
      },
      mobile: col.mobile(row),
      address: { text: col.address(row) },
    };
  });
}
