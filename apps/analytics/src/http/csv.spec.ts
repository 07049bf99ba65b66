import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, keeps Chinese text and negative numbers, and defuses formulas', () => {
    const csv = toCsv(
      ['科室', 'value'],
      [
        ['口腔科, 正畸', -0.25],
        ['=HYPERLINK("x")', null],
      ],
    );
    expect(csv).toBe('\uFEFF科室,value\r\n"口腔科, 正畸",-0.25\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
