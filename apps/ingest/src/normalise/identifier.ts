import { parseResidentIdCard } from '@revisit/domain';
import { type IdentifierType, type LocalIdentifier } from './normalised-event';

/** HL7 0203 codes plus spellings seen from Chinese HIS and ERP systems (pinyin abbreviations). */
const KNOWN: Readonly<Record<string, IdentifierType>> = {
  MR: 'MR',
  MRN: 'MR',
  BAH: 'MR', // 病案号
  PI: 'PI',
  PT: 'PI',
  NI: 'NI',
  NNCHN: 'NI',
  RRI: 'NI',
  SFZ: 'NI', // 身份证
  IDCARD: 'NI',
  PPN: 'PPN',
  INS: 'INS',
  MC: 'INS',
  MA: 'INS',
  SN: 'INS',
  YB: 'INS', // 医保
  YBK: 'INS',
  SBK: 'INS', // 社保卡
  HC: 'HC',
  JZK: 'HC', // 就诊卡
  MB: 'MB',
  HYK: 'MB', // 会员卡
  DL: 'DL',
};

/** Maps a sender's identifier type code (HL7 0203 or local spelling) to ours. */
export function identifierType(code: string | undefined): IdentifierType {
  return KNOWN[(code ?? '').trim().toUpperCase()] ?? 'OTHER';
}

export interface IdentifierProblem {
  readonly reason: 'resident-id-card-invalid';
}

/**
 * Checks identifiers whose format we know. A national-id number that fails GB 11643 is reported rather
 * than silently kept, because EMPI links on it; non-Chinese NI values (other countries) are left alone
 * unless their system says mainland China.
 */
export function checkIdentifier(id: LocalIdentifier): IdentifierProblem | undefined {
  if (id.type !== 'NI') return undefined;
  const looksMainland = /^\d{17}[\dXx]$/.test(id.value) || /CHN|china|身份证|2\.16\.156/i.test(id.system ?? '');
  if (!looksMainland) return undefined;
  return parseResidentIdCard(id.value).ok ? undefined : { reason: 'resident-id-card-invalid' };
}

/** Guesses the type for an untyped value: 18-char GB 11643 numbers are resident ID cards. */
export function inferIdentifierType(value: string, declared: IdentifierType): IdentifierType {
  if (declared !== 'OTHER') return declared;
  return parseResidentIdCard(value).ok ? 'NI' : declared;
}
