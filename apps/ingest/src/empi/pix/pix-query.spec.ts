import { answerPixQuery, isPixQuery, type PixLookup } from './pix-query';

const registry: Record<string, { system: string; value: string; type: string }[]> = {
  'HOSP-A|M-1': [
    { system: 'HOSP-A', value: 'M-1', type: 'MR' },
    { system: 'PHARM', value: 'V-9', type: 'MB' },
    { system: 'CHN', value: '11010519491231002X', type: 'NI' },
  ],
  'HOSP-A|M-2': [{ system: 'HOSP-A', value: 'M-2', type: 'MR' }],
};
const lookup: PixLookup = {
  isKnownDomain: (system) => Promise.resolve(['HOSP-A', 'PHARM', 'CHN'].includes(system)),
  crossReferences: (system, value) => Promise.resolve(registry[`${system}|${value}`]),
};

const query = (qpd3: string, qpd4 = ''): Buffer =>
  Buffer.from(
    [
      'MSH|^~\\&|PIXCONSUMER|CLINIC|REVISIT|FU|20260301101500+0800||QBP^Q23^QBP_Q21|Q-1|P|2.5',
      `QPD|IHE PIX Query^IHE PIX Query|TAG-7|${qpd3}|${qpd4}`,
      'RCP|I',
    ].join('\r'),
    'utf8',
  );
const answer = async (frame: Buffer): Promise<Record<string, string[]>> => {
  const text = (
    await answerPixQuery(frame, lookup, { now: new Date('2026-03-01T02:15:00Z'), controlId: 'R-1' })
  ).toString('utf8');
  return Object.fromEntries(
    text
      .split('\r')
      .filter(Boolean)
      .map((s) => [s.slice(0, 3), s.split('|')]),
  );
};

describe('IHE PIX Query (ITI-9) answers', () => {
  it('recognises QBP^Q23 from MSH-9 only', () => {
    expect(isPixQuery(query('M-1^^^HOSP-A'))).toBe(true);
    expect(isPixQuery(Buffer.from('MSH|^~\\&|A|B|C|D|20260301||ADT^A01|1|P|2.5'))).toBe(false);
  });

  it('returns every other domain’s identifier in PID-3 with QAK OK', async () => {
    const rsp = await answer(query('M-1^^^HOSP-A'));
    expect(rsp['MSH']![8]).toBe('RSP^K23^RSP_K23');
    expect(rsp['MSA']!.slice(1, 3)).toEqual(['AA', 'Q-1']);
    expect(rsp['QAK']!.slice(1, 3)).toEqual(['TAG-7', 'OK']);
    expect(rsp['PID']![3]!.split('~')).toEqual(['V-9^^^PHARM^MB', '11010519491231002X^^^CHN^NI']);
    expect(rsp['PID']![5]).toBe('~^^^^^^S');
    expect(rsp['QPD']![3]).toBe('M-1^^^HOSP-A');
  });

  it('limits PID-3 to the domains asked for in QPD-4', async () => {
    const rsp = await answer(query('M-1^^^HOSP-A', '^^^PHARM'));
    expect(rsp['PID']![3]).toBe('V-9^^^PHARM^MB');
  });

  it('answers AA with QAK NF and no PID when the person has no identifier in the asked domains', async () => {
    const rsp = await answer(query('M-2^^^HOSP-A', '^^^PHARM'));
    expect(rsp['MSA']![1]).toBe('AA');
    expect(rsp['QAK']![2]).toBe('NF');
    expect(rsp['PID']).toBeUndefined();
  });

  it('answers AE with ERR QPD^1^3^1^1 for an unknown identifier in a known domain', async () => {
    const rsp = await answer(query('NOPE^^^HOSP-A'));
    expect(rsp['MSA']![1]).toBe('AE');
    expect(rsp['QAK']![2]).toBe('AE');
    expect(rsp['ERR']![2]).toBe('QPD^1^3^1^1');
    expect(rsp['ERR']![3]).toMatch(/^204\^/);
  });

  it('answers AE with ERR QPD^1^3^1^4 for an unknown assigning authority', async () => {
    const rsp = await answer(query('M-1^^^ELSEWHERE'));
    expect(rsp['ERR']![2]).toBe('QPD^1^3^1^4');
  });

  it('answers AE naming the repetition of an unknown domain in QPD-4', async () => {
    const rsp = await answer(query('M-1^^^HOSP-A', '^^^PHARM~^^^ELSEWHERE'));
    expect(rsp['MSA']![1]).toBe('AE');
    expect(rsp['ERR']![2]).toBe('QPD^1^4^2^4');
    expect(rsp['PID']).toBeUndefined();
  });
});
