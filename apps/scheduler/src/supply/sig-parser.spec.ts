import { parseSig } from './sig-parser';

describe('parseSig', () => {
  it.each([
    ['每日3次 每次2片', { timesPerDay: 3, dose: 2, doseUnit: 'tablet' }],
    ['一日两次，一次1片', { timesPerDay: 2, dose: 1 }],
    ['每日２次，每次１片', { timesPerDay: 2, dose: 1, doseUnit: 'tablet' }],
    ['一次半片 一日三次', { timesPerDay: 3, dose: 0.5, doseUnit: 'tablet' }],
    ['每8小时1次 每次1粒', { timesPerDay: 3, dose: 1, doseUnit: 'capsule' }],
    ['每晚1粒', { timesPerDay: 1, dose: 1, doseUnit: 'capsule' }],
    ['睡前1片', { timesPerDay: 1, dose: 1, doseUnit: 'tablet' }],
    ['隔日1次 每次1片', { timesPerDay: 0.5, dose: 1, doseUnit: 'tablet' }],
    ['每日1剂，水煎服，早晚分服', { timesPerDay: 1, dose: 1, doseUnit: 'herbal-dose' }],
    ['每次10mg 每日1次', { timesPerDay: 1, dose: 10, doseUnit: 'mg' }],
    ['每日十二次 每次1滴', { timesPerDay: 12, dose: 1, doseUnit: 'drop' }],
    ['1 tab BID', { timesPerDay: 2, dose: 1, doseUnit: 'tablet' }],
    ['2 tablets three times a day', { timesPerDay: 3, dose: 2, doseUnit: 'tablet' }],
    ['Take 1 capsule by mouth every 12 hours', { timesPerDay: 2, dose: 1, doseUnit: 'capsule' }],
    ['1 cap q8h', { timesPerDay: 3, dose: 1, doseUnit: 'capsule' }],
    ['1 tab qd', { timesPerDay: 1, dose: 1, doseUnit: 'tablet' }],
    ['1 tab qod', { timesPerDay: 0.5, dose: 1, doseUnit: 'tablet' }],
    ['qid 5 ml', { timesPerDay: 4, dose: 5, doseUnit: 'ml' }],
    ['1 tab qhs', { timesPerDay: 1, dose: 1, doseUnit: 'tablet' }],
  ])('%s', (sig, expected) => {
    expect(parseSig(sig)).toEqual({ asNeeded: false, ...expected });
  });

  it('reads a frequency with no dose and says nothing about the dose', () => {
    expect(parseSig('一日两次')).toEqual({ asNeeded: false, timesPerDay: 2 });
    expect(parseSig('tid')).toEqual({ asNeeded: false, timesPerDay: 3 });
  });

  it('reads weekly schedules', () => {
    expect(parseSig('每周1次，每次1片').timesPerDay).toBeCloseTo(1 / 7);
    expect(parseSig('1 tab once weekly').timesPerDay).toBeCloseTo(1 / 7);
  });

  it.each([
    ['1-0-1', 2],
    ['1-1-1', 3],
    ['2-0-1 片', 3],
    ['½-0-½', 1],
    ['1-0-0-1', 2],
  ])('morning-noon-evening pattern %s is %d a day', (sig, daily) => {
    expect(parseSig(sig).dailyAmount).toBe(daily);
  });

  it.each(['prn', '疼痛时服用 每次1片', '必要时 1片', 'as needed 1 tab'])('%s is as needed', (sig) => {
    expect(parseSig(sig).asNeeded).toBe(true);
  });

  it('leaves what it cannot read undefined instead of guessing', () => {
    expect(parseSig('遵医嘱')).toEqual({ asNeeded: false });
    expect(parseSig('use as directed')).toEqual({ asNeeded: false });
  });
});
