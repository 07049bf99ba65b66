import { CHINESE_ROW_COLUMNS, type ChineseRow } from './chinese-population';

const escapeCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The generated rows as our demographic CSV (`revisit empi link --format revisit`). */
export function toRevisitCsv(rows: readonly ChineseRow[]): string {
  const lines = [CHINESE_ROW_COLUMNS.join(',')];
  for (const row of rows) lines.push(CHINESE_ROW_COLUMNS.map((column) => escapeCell(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}
