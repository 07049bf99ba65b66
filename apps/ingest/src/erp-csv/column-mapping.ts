/**
 * The documented ERP export columns. Headers are matched after trimming, lower-casing and dropping spaces,
 * underscores, hyphens and a BOM, so "Member ID", "member_id" and "会员号" all select `memberId`.
 *
 * | column      | aliases                                            | required                  |
 * |-------------|----------------------------------------------------|---------------------------|
 * | memberId    | 会员号, 会员卡号, 会员编号, member_id, member_no    | one of memberId/phone/idCard |
 * | name        | 姓名, 会员姓名, 顾客姓名, name, customer_name        | no                        |
 * | phone       | 手机, 手机号, 联系电话, 电话, phone, mobile          | one of memberId/phone/idCard |
 * | idCard      | 身份证, 身份证号, id_card, id_no                      | one of memberId/phone/idCard |
 * | drugCode    | 药品编码, 商品编码, drug_code, sku                   | drugCode or drugName      |
 * | drugName    | 药品名称, 商品名称, 通用名, drug_name                 | drugCode or drugName      |
 * | quantity    | 数量, 销售数量, quantity, qty                        | yes (negative = return)   |
 * | unit        | 单位, unit                                           | no                        |
 * | sig         | 用法用量, 用法, sig, usage                            | no                        |
 * | dispensedAt | 销售时间, 销售日期, 购买时间, dispensed_at, sold_at   | yes (Asia/Shanghai unless an offset is given) |
 * | store       | 门店, 门店编码, 门店名称, store, store_code          | yes                       |
 * | staff       | 店员, 营业员, 销售员, staff, clerk                    | no                        |
 * | ticketNo    | 单号, 小票号, 销售单号, ticket_no, order_no          | no (becomes the dispense id) |
 * | daysSupply  | 用药天数, 天数, days_supply                           | no                        |
 * | amount      | 金额, 销售金额, 实收金额, 应收金额, amount, line_total | no (the line's charge in yuan, becomes the event's charge) |
 */
export const ERP_COLUMNS = [
  'memberId',
  'name',
  'phone',
  'idCard',
  'drugCode',
  'drugName',
  'quantity',
  'unit',
  'sig',
  'dispensedAt',
  'store',
  'staff',
  'ticketNo',
  'daysSupply',
  'amount',
] as const;

export type ErpColumn = (typeof ERP_COLUMNS)[number];

const ALIASES: Readonly<Record<ErpColumn, readonly string[]>> = {
  memberId: ['会员号', '会员卡号', '会员编号', 'memberid', 'memberno', 'member'],
  name: ['姓名', '会员姓名', '顾客姓名', 'name', 'customername'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', 'phone', 'mobile'],
  idCard: ['身份证', '身份证号', '身份证号码', 'idcard', 'idno'],
  drugCode: ['药品编码', '商品编码', 'drugcode', 'sku'],
  drugName: ['药品名称', '商品名称', '通用名', 'drugname'],
  quantity: ['数量', '销售数量', 'quantity', 'qty'],
  unit: ['单位', 'unit'],
  sig: ['用法用量', '用法', 'sig', 'usage'],
  dispensedAt: ['销售时间', '销售日期', '购买时间', 'dispensedat', 'soldat'],
  store: ['门店', '门店编码', '门店名称', 'store', 'storecode'],
  staff: ['店员', '营业员', '销售员', 'staff', 'clerk'],
  ticketNo: ['单号', '小票号', '销售单号', 'ticketno', 'orderno'],
  daysSupply: ['用药天数', '天数', 'dayssupply'],
  amount: ['金额', '销售金额', '实收金额', '应收金额', 'amount', 'linetotal'],
};

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-（）()]/g, '');
}

const BY_ALIAS = new Map<string, ErpColumn>(
  (Object.entries(ALIASES) as [ErpColumn, readonly string[]][]).flatMap(([column, aliases]) =>
    aliases.map((a) => [normaliseHeader(a), column] as const),
  ),
);

/** Header row to column positions; unknown headers are ignored (exports carry prices, discounts...). */
export function mapHeader(headers: readonly string[]): Map<ErpColumn, number> {
  const positions = new Map<ErpColumn, number>();
  headers.forEach((h, i) => {
    const column = BY_ALIAS.get(normaliseHeader(h));
    if (column && !positions.has(column)) positions.set(column, i);
  });
  return positions;
}

/** Columns that must exist in the header (value-level requirements are checked per row). */
export function missingColumns(positions: Map<ErpColumn, number>): string[] {
  const missing: string[] = [];
  if (!positions.has('memberId') && !positions.has('phone') && !positions.has('idCard'))
    missing.push('memberId|phone|idCard');
  if (!positions.has('drugCode') && !positions.has('drugName')) missing.push('drugCode|drugName');
  for (const c of ['quantity', 'dispensedAt', 'store'] as const) if (!positions.has(c)) missing.push(c);
  return missing;
}
