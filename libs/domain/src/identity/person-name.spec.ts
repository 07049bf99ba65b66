import { maskPersonName, nameScript, normalisePersonName, personNameMatchKey, splitChineseName } from './person-name';

describe('normalisePersonName', () => {
  it.each([
    ['  王 小明 ', '王小明'],
    ['王　小明', '王小明'],
    ['阿依古丽 • 买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['ＷＡＮＧ　 Xiaoming', 'WANG Xiaoming'],
    ['John  Smith', 'John Smith'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalisePersonName(raw)).toBe(expected);
  });
});

describe('nameScript', () => {
  it('tells Han, Latin and mixed names apart', () => {
    expect(nameScript('王小明')).toBe('ideographic');
    expect(nameScript('Wang Xiaoming')).toBe('alphabetic');
    expect(nameScript('王Xiaoming')).toBe('mixed');
  });
});

describe('splitChineseName', () => {
  it.each([
    ['王小明', { family: '王', given: '小明' }],
    ['李娜', { family: '李', given: '娜' }],
    ['欧阳娜娜', { family: '欧阳', given: '娜娜' }],
    ['诸葛亮', { family: '诸葛', given: '亮' }],
  ])('splits %s', (name, expected) => {
    expect(splitChineseName(name)).toEqual(expected);
  });

  it('does not take a two-character name for a compound surname', () => {
    expect(splitChineseName('欧阳')).toEqual({ family: '欧', given: '阳' });
  });

  it.each(['阿依古丽·买买提', 'Wang Xiaoming', '王'])('leaves %s unsplit', (name) => {
    expect(splitChineseName(name)).toBeUndefined();
  });
});

describe('maskPersonName', () => {
  it.each([
    ['李娜', '李*'],
    ['王小明', '王*明'],
    ['欧阳娜娜', '欧阳*娜'],
    ['诸葛亮', '诸葛*'],
    ['阿依古丽·买买提', '阿***·***'],
    ['John Smith', 'J*** S****'],
    ['', ''],
  ])('%j -> %j', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('personNameMatchKey', () => {
  it('ignores case, spacing and middle dots', () => {
    expect(personNameMatchKey('WANG Xiaoming')).toBe(personNameMatchKey('wang  xiaoming'));
    expect(personNameMatchKey('阿依古丽 · 买买提')).toBe(personNameMatchKey('阿依古丽买买提'));
    expect(personNameMatchKey("O'Brien")).toBe('obrien');
  });

  it('keeps different names different', () => {
    expect(personNameMatchKey('王小明')).not.toBe(personNameMatchKey('王晓明'));
  });
});
