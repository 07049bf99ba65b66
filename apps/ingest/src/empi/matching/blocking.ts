import { type PreparedRecord } from './prepared-record';

/**
 * Blocking keys: two records are compared only when they share at least one key. The keys are OR'ed
 * so that an error in one field (a mistyped birth date, a changed phone) still leaves other keys that
 * bring the pair together. Each key is prefixed with its kind so values of different fields never meet.
 */
export function blockingKeys(record: PreparedRecord): string[] {
  // Identity keys first: `candidatePairs` relies on this order to tell identity pairs from household pairs.
  const keys: string[] = [];
  const surname = record.surname?.phonetic;
  const given = record.given?.phonetic;
  const birth = record.birthDate;
  const postcode = record.postcode;
  if (record.idCard) keys.push(`id:${record.idCard.value}`);
  else if (record.idNumber) keys.push(`id:${record.idNumber}`);
  if (record.passport) keys.push(`pp:${record.passport}`);
  if (record.insuranceCard) keys.push(`ic:${record.insuranceCard}`);
  // Sorted so that swapped surname and given name give the same key.
  if (surname && given) keys.push(`nm:${surname < given ? `${surname}|${given}` : `${given}|${surname}`}`);
  if (birth) {
    // One namespace for both name parts, so a name entered in the wrong field still meets its birth date.
    if (surname) keys.push(`nd:${surname}|${birth}`);
    if (given && given !== surname) keys.push(`nd:${given}|${birth}`);
    if (postcode) keys.push(`dp:${birth}|${postcode}`);
  }
  if (record.mobile) keys.push(`mb:${record.mobile}`);
  if (postcode && surname) keys.push(`sp:${surname}|${postcode}`);
  if (record.street && record.streetNumber) keys.push(`st:${record.street.replace(/ /g, '')}|${record.streetNumber}`);
  if (record.addressText && given) keys.push(`ad:${record.addressText}|${given}`);
  return keys;
}

/** Keys a family shares (phone, address, surname + postcode): pairs found only by them may be households. */
const HOUSEHOLD_KEY = /^(mb|sp|st|ad):/;

export function isHouseholdKey(key: string): boolean {
  return HOUSEHOLD_KEY.test(key);
}

export interface BlockingOptions {
  /** Blocks larger than this are skipped: a value shared by that many records is not distinctive. */
  readonly maxBlockSize: number;
}

export interface CandidatePairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly count: number;
  /** 1 when the pair shares an identity key (name, birth date, identifier), 0 when only household keys. */
  readonly sharesIdentityKey: Uint8Array;
  readonly skippedBlocks: number;
}

class PairBuffer {
  left = new Int32Array(1 << 16);
  right = new Int32Array(1 << 16);
  identity = new Uint8Array(1 << 16);
  count = 0;

  push(a: number, b: number, identity: boolean): void {
    if (this.count === this.left.length) {
      const size = this.left.length * 2;
      const left = new Int32Array(size);
      const right = new Int32Array(size);
      const flags = new Uint8Array(size);
      left.set(this.left);
      right.set(this.right);
      flags.set(this.identity);
      [this.left, this.right, this.identity] = [left, right, flags];
    }
    this.left[this.count] = a;
    this.right[this.count] = b;
    this.identity[this.count] = identity ? 1 : 0;
    this.count++;
  }
}

/**
 * Candidate pairs over records 0..n-1, each pair once. With `leftCount` set (two-source linkage) only
 * pairs with one record below and one at or above `leftCount` are produced. Runs in time linear in the
 * number of pairs produced: a stamp per record replaces a global set of seen pairs.
 */
export function candidatePairs(
  records: readonly PreparedRecord[],
  options: BlockingOptions,
  leftCount?: number,
): CandidatePairs {
  const keysOf = records.map(blockingKeys);
  const blocks = new Map<string, number[]>();
  keysOf.forEach((keys, index) => {
    for (const key of keys) {
      const members = blocks.get(key);
      if (members) members.push(index);
      else blocks.set(key, [index]);
    }
  });
  let skippedBlocks = 0;
  for (const [key, members] of blocks) {
    if (members.length > options.maxBlockSize) {
      blocks.delete(key);
      skippedBlocks++;
    } else if (members.length === 1) {
      blocks.delete(key);
    }
  }
  const stamp = new Int32Array(records.length).fill(-1);
  const pairs = new PairBuffer();
  const lastLeft = leftCount ?? records.length;
  for (let i = 0; i < lastLeft; i++) {
    const minPartner = leftCount ?? i + 1;
    for (const key of keysOf[i]!) {
      const members = blocks.get(key);
      if (!members) continue;
      for (const j of members) {
        if (j < minPartner || j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        pairs.push(i, j, !isHouseholdKey(key));
      }
    }
  }
  return {
    left: pairs.left,
    right: pairs.right,
    count: pairs.count,
    sharesIdentityKey: pairs.identity,
    skippedBlocks,
  };
}
