import {
  catalogueProcedureCategory,
  isAtcCoding,
  PROCEDURE_CATEGORY_SYSTEM,
  procedureCategoryOf,
} from './procedure-category';

describe('procedure follow-up categories', () => {
  it('takes a stated category coding over any wording', () => {
    expect(
      procedureCategoryOf([
        { system: PROCEDURE_CATEGORY_SYSTEM, code: 'dental-implant' },
        { system: 'urn:local', code: 'X1', display: '拔牙' },
      ]),
    ).toBe('dental-implant');
  });

  it('ignores a stated category that is not one of ours and falls back to the wording', () => {
    expect(procedureCategoryOf([{ system: PROCEDURE_CATEGORY_SYSTEM, code: 'surgery' }], ['下颌智齿拔除术'])).toBe(
      'dental-extraction',
    );
  });

  it.each([
    ['根管充填', 'dental-root-canal-filling'],
    ['根管治疗（第一次）', 'dental-root-canal-treatment'],
    ['正畸初戴', 'dental-orthodontic-fitting'],
    ['正畸复诊调整', 'dental-orthodontic-adjustment'],
    ['保持器佩戴', 'dental-orthodontic-retainer'],
    ['种植体植入', 'dental-implant'],
    ['全口义齿初戴', 'dental-denture-fitting'],
    ['龈上洁治', 'dental-scaling'],
    ['开髓引流', 'dental-pulp-opening'],
    ['扩管', 'dental-canal-enlargement'],
    ['静脉输液', 'infusion'],
    ['中药饮片处方', 'tcm-prescription'],
    ['树脂充填', 'dental-restoration'],
    ['Tooth extraction', 'dental-extraction'],
    ['55162003', 'dental-extraction'],
    ['血常规', 'other'],
  ])('reads %s as %s', (text, category) => {
    expect(procedureCategoryOf([{ system: 'urn:local:proc', code: 'P-1', display: text }])).toBe(category);
  });

  it('carries fillings as `other` in the catalogue event, whose v1 enum has no restoration', () => {
    expect(catalogueProcedureCategory([], ['树脂充填'])).toBe('other');
    expect(catalogueProcedureCategory([], ['拔牙'])).toBe('dental-extraction');
  });

  it('recognises ATC codings by system and shape only', () => {
    expect(isAtcCoding({ system: 'http://www.whocc.no/atc', code: 'C08CA01' })).toBe(true);
    expect(isAtcCoding({ system: 'WC', code: 'M04AA01' })).toBe(true);
    expect(isAtcCoding({ system: 'atc', code: 'C09' })).toBe(true);
    expect(isAtcCoding({ system: 'WC', code: '6934567890123' })).toBe(false);
    expect(isAtcCoding({ system: 'urn:pharmacy:sku', code: 'C08CA01' })).toBe(false);
  });
});
