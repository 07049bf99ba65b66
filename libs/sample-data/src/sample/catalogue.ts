/** What the demo's patients are treated with: chronic drugs, hospital departments, dental and TCM care. */

export type Condition = 'hypertension' | 'diabetes' | 'gout';

export interface ChronicDrug {
  readonly atc: string;
  /** Generic name with strength and pack, as printed on the label. */
  readonly name: string;
  /** The pharmacy chain's own article number (商品编码) in its ERP. */
  readonly sku: string;
  readonly condition: Condition;
  /** Unit doses per pack (片/粒 per 盒). */
  readonly packSize: number;
  readonly unit: '片' | '粒';
  /** Sig as the prescriber writes it, and the unit doses it takes per day. */
  readonly sig: string;
  readonly perDay: number;
  readonly timesPerDay: 1 | 2 | 3;
  /** Packs handed out per dispense: about a month of medicine. */
  readonly packs: number;
}

export const CHRONIC_DRUGS: readonly ChronicDrug[] = [
  {
    atc: 'C08CA01',
    name: '苯磺酸氨氯地平片 5mg*28片',
    sku: '1010021',
    condition: 'hypertension',
    packSize: 28,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 1,
  },
  {
    atc: 'C08CA05',
    name: '硝苯地平控释片 30mg*7片',
    sku: '1010035',
    condition: 'hypertension',
    packSize: 7,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 4,
  },
  {
    atc: 'C09CA03',
    name: '缬沙坦胶囊 80mg*7粒',
    sku: '1010108',
    condition: 'hypertension',
    packSize: 7,
    unit: '粒',
    sig: '每日1次，每次1粒',
    timesPerDay: 1,
    perDay: 1,
    packs: 4,
  },
  {
    atc: 'C09CA04',
    name: '厄贝沙坦片 150mg*7片',
    sku: '1010112',
    condition: 'hypertension',
    packSize: 7,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 4,
  },
  {
    atc: 'C07AB02',
    name: '琥珀酸美托洛尔缓释片 47.5mg*7片',
    sku: '1010207',
    condition: 'hypertension',
    packSize: 7,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 4,
  },
  {
    atc: 'C03AA03',
    name: '氢氯噻嗪片 25mg*100片',
    sku: '1010301',
    condition: 'hypertension',
    packSize: 100,
    unit: '片',
    sig: '每日2次，每次1片',
    timesPerDay: 2,
    perDay: 2,
    packs: 1,
  },
  {
    atc: 'A10BA02',
    name: '盐酸二甲双胍片 0.25g*48片',
    sku: '2010011',
    condition: 'diabetes',
    packSize: 48,
    unit: '片',
    sig: '每日3次，每次2片',
    timesPerDay: 3,
    perDay: 6,
    packs: 4,
  },
  {
    atc: 'A10BB12',
    name: '格列美脲片 2mg*30片',
    sku: '2010024',
    condition: 'diabetes',
    packSize: 30,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 1,
  },
  {
    atc: 'A10BF01',
    name: '阿卡波糖片 50mg*30片',
    sku: '2010033',
    condition: 'diabetes',
    packSize: 30,
    unit: '片',
    sig: '每日3次，每次1片',
    timesPerDay: 3,
    perDay: 3,
    packs: 3,
  },
  {
    atc: 'M04AA01',
    name: '别嘌醇片 0.1g*100片',
    sku: '3010015',
    condition: 'gout',
    packSize: 100,
    unit: '片',
    sig: '每日2次，每次1片',
    timesPerDay: 2,
    perDay: 2,
    packs: 1,
  },
  {
    atc: 'M04AA03',
    name: '非布司他片 40mg*16片',
    sku: '3010027',
    condition: 'gout',
    packSize: 16,
    unit: '片',
    sig: '每日1次，每次1片',
    timesPerDay: 1,
    perDay: 1,
    packs: 2,
  },
];

export const DIAGNOSES: Readonly<Record<Condition, { readonly code: string; readonly display: string }>> = {
  hypertension: { code: 'I10', display: '原发性高血压' },
  diabetes: { code: 'E11.9', display: '2型糖尿病' },
  gout: { code: 'M10.9', display: '痛风' },
};

export const CLINIC_OF: Readonly<Record<Condition | 'general', { readonly code: string; readonly name: string }>> = {
  hypertension: { code: 'CARD', name: '心内科门诊' },
  diabetes: { code: 'ENDO', name: '内分泌科门诊' },
  gout: { code: 'RHEU', name: '风湿免疫科门诊' },
  general: { code: 'GIM', name: '全科医学科门诊' },
};

export const WARDS: readonly {
  readonly code: string;
  readonly name: string;
  readonly diagnosis: { code: string; display: string };
}[] = [
  { code: 'CARD-W', name: '心内科病区', diagnosis: { code: 'I20.0', display: '不稳定型心绞痛' } },
  { code: 'RESP-W', name: '呼吸内科病区', diagnosis: { code: 'J18.9', display: '肺炎' } },
  { code: 'GS-W', name: '普外科病区', diagnosis: { code: 'K80.2', display: '胆囊结石' } },
  { code: 'ORTH-W', name: '骨科病区', diagnosis: { code: 'S72.0', display: '股骨颈骨折' } },
  { code: 'ENDO-W', name: '内分泌科病区', diagnosis: { code: 'E11.6', display: '2型糖尿病伴并发症' } },
];

export const DOCTORS: readonly { readonly id: string; readonly family: string; readonly given: string }[] = [
  { id: 'D1001', family: '李', given: '明' },
  { id: 'D1002', family: '周', given: '文华' },
  { id: 'D1003', family: '孙', given: '静' },
  { id: 'D1004', family: '吴', given: '建平' },
  { id: 'D1005', family: '郑', given: '雪' },
];

/** Dental procedures by the category the dental-aftercare plan keys on (PROCEDURE_CATEGORIES). */
export const DENTAL_PROCEDURES = {
  scaling: { category: 'dental-scaling', display: '洁治（洗牙）', code: 'D1110' },
  extraction: { category: 'dental-extraction', display: '拔牙', code: '55162003' },
  pulpOpening: { category: 'dental-pulp-opening', display: '开髓引流', code: 'D3221' },
  canalEnlargement: { category: 'dental-canal-enlargement', display: '根管预备（扩管）', code: 'D3310-1' },
  rootCanalFilling: { category: 'dental-root-canal-filling', display: '根管充填', code: 'D3310-2' },
  orthoFitting: { category: 'dental-orthodontic-fitting', display: '正畸初戴', code: 'D8080' },
  orthoAdjustment: { category: 'dental-orthodontic-adjustment', display: '正畸复诊调整', code: 'D8670' },
  implant: { category: 'dental-implant', display: '种植体植入', code: 'D6010' },
  denture: { category: 'dental-denture-fitting', display: '活动义齿初戴', code: 'D5110' },
  filling: { category: 'dental-other', display: '树脂充填（补牙）', code: 'D2391' },
} as const;

export type DentalProcedureKey = keyof typeof DENTAL_PROCEDURES;

/** Local code system of the dental PMS; extraction carries its SNOMED CT code. */
export const DENTAL_CODE_SYSTEM = 'urn:revisit-demo:dental:procedure';
export const SNOMED = 'http://snomed.info/sct';

export const DENTISTS: readonly string[] = ['DDS-01', 'DDS-02', 'DDS-03'];

export const TCM_DEPARTMENTS: readonly string[] = ['中医内科', '中医妇科', '针灸推拿科', '中医脾胃科'];

export const TCM_FORMULAS: readonly string[] = [
  '中药饮片处方（逍遥散加减）',
  '中药饮片处方（六味地黄汤加减）',
  '中药饮片处方（补中益气汤加减）',
  '中药饮片处方（半夏泻心汤加减）',
  '中药饮片处方（归脾汤加减）',
];

/** Prescription lengths a TCM doctor writes, in days (剂 at 每日1剂). */
export const TCM_PRESCRIPTION_DAYS: readonly number[] = [7, 7, 7, 14, 14, 21, 28, 45];
