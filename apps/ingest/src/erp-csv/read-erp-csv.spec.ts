import * as iconv from 'iconv-lite';
import { ErpCsvErrorCode } from './erp-csv.errors';
import { type ErpRowResult, readErpCsv } from './read-erp-csv';

async function collect(chunks: Buffer[], options = {}): Promise<ErpRowResult[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const c of chunks) yield c;
  }
  const out: ErpRowResult[] = [];
  for await (const row of readErpCsv(source(), options)) out.push(row);
  return out;
}

const header = '会员号,姓名,手机,身份证,药品编码,药品名称,数量,单位,用法用量,销售时间,门店,店员\n';

describe('readErpCsv', () => {
  it('decodes GB 18030 even when a chunk boundary splits a character', async () => {
    const bytes = iconv.encode(
      `${header}M1,王建国,13912345678,110105196503120021,86900012,苯磺酸氨氯地平片,2,盒,每日1次,2024-03-01 09:15,SH-001,S017\n`,
      'gb18030',
    );
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 40), bytes.subarray(40)];
    const [row] = await collect(chunks);
    expect(row!.accepted).toBe(true);
    if (!row!.accepted) return;
    const event = row!.events[0]!;
    expect(event.type).toBe('revisit.clinical.medication-dispensed.v1');
    expect(event.patient.names[0]!.text).toBe('王建国');
    expect(event.patient.identifiers).toEqual([
      { value: 'M1', system: 'pharmacy-erp/member', type: 'MB' },
      { value: '110105196503120021', type: 'NI' },
    ]);
    expect(event.data).toMatchObject({
      quantity: { value: 2, unit: '盒' },
      sig: '每日1次',
      store: 'SH-001',
      dispenser: 'S017',
      dispensedAt: '2024-03-01T09:15:00+08:00',
    });
  });

  it('puts the amount column on a sale as its charge in fen, refuses an unreadable one, ignores it on returns', async () => {
    const priced = '会员号,药品编码,数量,销售时间,门店,实收金额\n';
    const rows = await collect([
      Buffer.from(
        `${priced}M1,A,2,2024-03-01 09:15,S,"1,280.50"\nM2,A,1,2024-03-01 09:16,S,免费\nM3,A,-1,2024-03-01 09:17,S,-36.80\nM4,A,1,2024-03-01 09:18,S,\n`,
      ),
    ]);
    expect(rows.map((r) => (r.accepted ? (r.events[0]!.data as { charge?: unknown }).charge : r.errors))).toEqual([
      { amountMinor: 128050, currency: 'CNY' },
      [expect.objectContaining({ row: 3, column: 'amount', code: ErpCsvErrorCode.INVALID_AMOUNT })],
      undefined,
      undefined,
    ]);
  });

  it('reads times in the given zone unless they carry an offset', async () => {
    const rows = await collect(
      [Buffer.from(`${header}M1,,,,A,,1,,,2024-03-01 09:15,S,\nM2,,,,A,,1,,,2024-03-01T09:15:00Z,S,\n`)],
      { zone: 'Asia/Urumqi' },
    );
    expect(rows.map((r) => (r.accepted ? r.events[0]!.occurredAt : undefined))).toEqual([
      '2024-03-01T09:15:00+06:00',
      '2024-03-01T09:15:00Z',
    ]);
  });

  it('reports every problem of a row with line number and column, never the value', async () => {
    const rows = await collect([Buffer.from(`${header}M9,赵敏,12345,110105196503120022,,,abc,,,,,\n`)]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.accepted).toBe(false);
    if (row.accepted) return;
    expect(row.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'idCard', ErpCsvErrorCode.INVALID_ID_CARD],
      [2, 'phone', ErpCsvErrorCode.INVALID_PHONE],
      [2, 'drugCode', ErpCsvErrorCode.MISSING_VALUE],
      [2, 'quantity', ErpCsvErrorCode.INVALID_QUANTITY],
      [2, 'dispensedAt', ErpCsvErrorCode.MISSING_VALUE],
      [2, 'store', ErpCsvErrorCode.MISSING_VALUE],
    ]);
    expect(JSON.stringify(row.errors)).not.toMatch(/12345|110105|赵敏/);
  });

  it('skips a report title line before the header', async () => {
    const rows = await collect([Buffer.from(`销售明细报表 2024-03-01\n${header}M1,,,,A,,1,,,2024-03-01 09:15,S,\n`)]);
    expect(rows.map((r) => [r.row, r.accepted])).toEqual([[3, true]]);
  });

  it('turns a negative quantity into a return and stops at a missing required column', async () => {
    const [ret] = await collect([Buffer.from(`${header}M1,,,,A,,-1,,,2024-03-01 09:15,S,\n`)]);
    expect(ret!.accepted && ret!.events[0]!.type).toBe('revisit.clinical.medication-dispense-reversed.v1');
    const missing = await collect([Buffer.from('member_id,drug_code\nM1,A\n')]);
    expect(missing).toHaveLength(1);
    expect(!missing[0]!.accepted && missing[0]!.errors.map((e) => e.column)).toEqual([
      'quantity',
      'dispensedAt',
      'store',
    ]);
  });
});
