import { fuzzyPinyin, hanToPinyin, splitChineseName } from './chinese-name';
import { bigramDice, bigrams, withinOneEdit } from './edit-distance';
import { jaroSimilarity, jaroWinkler } from './jaro-winkler';
import { soundex } from './soundex';
import { foldToSimplified } from './traditional-to-simplified';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['jellyfish', 'smellyfish', 0.8963],
  ])('%s / %s = %d (Winkler 1990 reference values)', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings, 0 with nothing in common or an empty side, and symmetric', () => {
    expect(jaroWinkler('wang', 'wang')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('crate', 'trace')).toBeCloseTo(jaroWinkler('trace', 'crate'), 10);
  });

  it('boosts a common prefix over plain Jaro', () => {
    expect(jaroWinkler('zhangwei', 'zhangwie')).toBeGreaterThan(jaroSimilarity('zhangwei', 'zhangwie'));
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or adjacent transposition', () => {
    expect(withinOneEdit('19800512', '19800612')).toBe(true);
    expect(withinOneEdit('19800512', '1980512')).toBe(true);
    expect(withinOneEdit('1380013800', '13800138000')).toBe(true);
    expect(withinOneEdit('19800512', '19805012')).toBe(true);
  });

  it('rejects two edits', () => {
    expect(withinOneEdit('19800512', '19811512')).toBe(false);
    expect(withinOneEdit('abc', 'a')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });
});

describe('bigramDice', () => {
  it('is 1 for the same text and lower when parts are dropped', () => {
    const full = bigrams('广东省广州市天河区中山路1号');
    expect(bigramDice(full, full)).toBe(1);
    const short = bigrams('广州市天河区中山路1号');
    expect(bigramDice(full, short)).toBeGreaterThan(0.8);
    expect(bigramDice(full, bigrams('北京市海淀区学府路9号'))).toBeLessThan(0.3);
  });
});

describe('soundex', () => {
  it.each([
    ['robert', 'R163'],
    ['rupert', 'R163'],
    ['ashcraft', 'A261'],
    ['tymczak', 'T522'],
    ['pfister', 'P236'],
    ['lee', 'L000'],
  ])('%s -> %s', (word, code) => expect(soundex(word)).toBe(code));
});

describe('Chinese names', () => {
  it('splits single and compound surnames', () => {
    expect(splitChineseName('王小明')).toEqual({ surname: '王', given: '小明' });
    expect(splitChineseName('欧阳娜娜')).toEqual({ surname: '欧阳', given: '娜娜' });
    expect(splitChineseName('欧阳')).toEqual({ surname: '欧', given: '阳' });
  });

  it('folds traditional characters to simplified', () => {
    expect(foldToSimplified('陳偉國')).toBe('陈伟国');
    expect(splitChineseName('張曉明')).toEqual({ surname: '张', given: '晓明' });
  });

  it('gives homophones the same toneless pinyin and reads surname pronunciations', () => {
    expect(hanToPinyin('晓明', false)).toBe(hanToPinyin('小鸣', false));
    expect(hanToPinyin('曾', true)).toBe('zeng');
    expect(hanToPinyin('单', true)).toBe('shan');
  });

  it('folds retroflex and nasal confusions in fuzzy pinyin', () => {
    expect(fuzzyPinyin('zhang')).toBe(fuzzyPinyin('zan'));
    expect(fuzzyPinyin('chenming')).toBe(fuzzyPinyin('cenmin'));
    expect(fuzzyPinyin('wang')).not.toBe(fuzzyPinyin('wei'));
  });
});
