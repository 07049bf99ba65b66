import * as iconv from 'iconv-lite';

/** One sale line of the pharmacy ERP export (退货 as a negative quantity). */
export interface ErpRow {
  readonly ticketNo: string;
  readonly soldAt: string;
  readonly store: string;
  readonly memberId: string;
  readonly name: string;
  readonly phone: string;
  readonly idCard: string;
  readonly drugCode: string;
  readonly drugName: string;
  readonly spec: string;
  readonly quantity: number;
  readonly unit: string;
  readonly sig: string;
  readonly daysSupply: string;
  readonly clerk: string;
  readonly price: string;
}

/**
 * The export's columns in its own (Chinese) headers; ingest maps them by alias (apps/ingest/src/erp-csv/
 * column-mapping.ts). 规格, 单价 and 金额 are not ingest columns: real exports carry them and ingest
 * ignores them.
 */
const COLUMNS: readonly (readonly [header: string, value: (row: ErpRow) => string])[] = [
  ['销售单号', (r) => r.ticketNo],
  ['销售时间', (r) => r.soldAt],
  ['门店编码', (r) => r.store],
  ['会员卡号', (r) => r.memberId],
  ['会员姓名', (r) => r.name],
  ['手机号', (r) => r.phone],
  ['身份证号', (r) => r.idCard],
  ['商品编码', (r) => r.drugCode],
  ['商品名称', (r) => r.drugName],
  ['规格', (r) => r.spec],
  ['数量', (r) => String(r.quantity)],
  ['单位', (r) => r.unit],
  ['用法用量', (r) => r.sig],
  ['用药天数', (r) => r.daysSupply],
  ['营业员', (r) => r.clerk],
  ['单价', (r) => r.price],
  ['金额', (r) => (Number(r.price) * r.quantity).toFixed(2)],
];

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The CSV text: header line 1, data rows from line 2 (ingest reports rows by these line numbers). */
export function erpCsvText(rows: readonly ErpRow[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const row of rows) lines.push(COLUMNS.map(([, value]) => cell(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** UTF-8 exports start with a BOM (Excel-friendly); older tills export GB 18030. */
export function encodeErpCsv(text: string, encoding: 'utf-8' | 'gb18030'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(`\uFEFF${text}`, 'utf8') : iconv.encode(text, 'gb18030');
}
