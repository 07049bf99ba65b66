import { isCompoundChineseSurname } from '@revisit/domain';
import { pinyin } from 'pinyin-pro';
import { foldToSimplified } from './traditional-to-simplified';

const HAN = /\p{Script=Han}/u;

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/** Splits a Chinese full name written surname first (王小明, 欧阳娜娜) into surname and given name. */
export function splitChineseName(fullName: string): { surname: string; given: string } {
  const name = foldToSimplified(fullName.replace(/[\s·•.]/g, ''));
  const compound = name.slice(0, 2);
  if (name.length > 2 && isCompoundChineseSurname(compound)) return { surname: compound, given: name.slice(2) };
  return { surname: name.slice(0, 1), given: name.slice(1) };
}

/**
 * Toneless pinyin of Han characters, concatenated (王小明 -> wangxiaoming). `asSurname` selects the
 * surname readings of polyphonic characters (曾 zeng, 单 shan, 区 ou).
 */
export function hanToPinyin(han: string, asSurname: boolean): string {
  if (han.length === 0) return '';
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: asSurname ? 'head' : 'off', v: true });
  return syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Folds the pinyin confusions of southern Mandarin speakers and of hurried typists into one key:
 * retroflex initials (zh/ch/sh -> z/c/s), front and back nasals (ng -> n), l/n and f/h at a syllable
 * start. Two spellings with the same key are probable homophones.
 */
export function fuzzyPinyin(latin: string): string {
  return latin
    .replace(/([zcs])h/g, '$1')
    .replace(/ng/g, 'n')
    .replace(/l/g, 'n')
    .replace(/h(?=u)/g, 'f');
}

/**
 * Pinyin of the most common surnames (about 85% of the population), longest first, to split a
 * romanised name typed without its space (lixiaoming, ouyangnana).
 */
const SURNAME_PINYIN = [
  'ouyang',
  'shangguan',
  'sima',
  'zhuge',
  'situ',
  'zhang',
  'huang',
  'zhao',
  'zhou',
  'yang',
  'wang',
  'chen',
  'liu',
  'sun',
  'zhu',
  'guo',
  'luo',
  'liang',
  'song',
  'zheng',
  'xie',
  'han',
  'tang',
  'feng',
  'dong',
  'xiao',
  'cheng',
  'cao',
  'yuan',
  'deng',
  'peng',
  'zeng',
  'jiang',
  'cai',
  'jia',
  'ding',
  'wei',
  'xue',
  'pan',
  'ye',
  'yan',
  'yu',
  'du',
  'dai',
  'xia',
  'zhong',
  'wang',
  'tian',
  'ren',
  'jiang',
  'fan',
  'fang',
  'shi',
  'yao',
  'tan',
  'liao',
  'zou',
  'xiong',
  'jin',
  'lu',
  'hao',
  'kong',
  'bai',
  'cui',
  'kang',
  'mao',
  'qiu',
  'qin',
  'gu',
  'hou',
  'shao',
  'meng',
  'long',
  'wan',
  'duan',
  'lei',
  'qian',
  'wu',
  'xu',
  'hu',
  'gao',
  'lin',
  'he',
  'ma',
  'li',
  'lv',
  'shan',
  'mo',
  'wen',
].sort((a, b) => b.length - a.length);

/** Splits a one-word romanised Chinese name at a known surname; undefined when none fits. */
export function splitRomanisedName(word: string): { surname: string; given: string } | undefined {
  const lower = word.toLowerCase();
  for (const surname of SURNAME_PINYIN) {
    if (lower.startsWith(surname) && lower.length - surname.length >= 2) {
      return { surname, given: lower.slice(surname.length) };
    }
  }
  return undefined;
}
