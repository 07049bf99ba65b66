import { blockingKeys, candidatePairs } from './blocking';
import { type PersonRecord } from './person-record';
import { prepareRecord } from './prepared-record';

const prepared = (records: PersonRecord[]) => records.map((record, index) => prepareRecord(record, index));
const pairsOf = (result: ReturnType<typeof candidatePairs>): string[] =>
  Array.from({ length: result.count }, (_, p) => `${result.left[p]}-${result.right[p]}`);

describe('blocking', () => {
  it('gives swapped surname and given name the same name key', () => {
    const [a, b] = prepared([
      { id: '1', name: { given: 'sarah', family: 'bruhn' } },
      { id: '2', name: { given: 'bruhn', family: 'sarah' } },
    ]);
    expect(blockingKeys(a!).filter((key) => blockingKeys(b!).includes(key))).toHaveLength(1);
  });

  it('puts homophone Chinese names and a mistyped birth date in a shared block', () => {
    const [a, b] = prepared([
      { id: '1', name: { fullHan: '张晓明' }, birthDate: '1980-05-12' },
      { id: '2', name: { fullHan: '張小明' }, birthDate: '1980-05-13' },
    ]);
    expect(blockingKeys(a!).some((key) => blockingKeys(b!).includes(key))).toBe(true);
  });

  const records: PersonRecord[] = [
    { id: 'a', name: { given: 'ann', family: 'lee' }, birthDate: '19800101', identifiers: { otherId: '1234567' } },
    { id: 'b', name: { given: 'ann', family: 'lee' }, birthDate: '19800101', identifiers: { otherId: '1234567' } },
    { id: 'c', name: { given: 'ann', family: 'lee' }, birthDate: '19800101' },
    { id: 'd', name: { given: 'bob', family: 'kim' }, birthDate: '19700101' },
  ];

  it('emits each pair once however many keys it shares, and never pairs a record with itself', () => {
    expect(pairsOf(candidatePairs(prepared(records), { maxBlockSize: 100 })).sort()).toEqual(['0-1', '0-2', '1-2']);
  });

  it('pairs only across sources in two-source mode', () => {
    expect(pairsOf(candidatePairs(prepared(records), { maxBlockSize: 100 }, 2)).sort()).toEqual(['0-2', '1-2']);
  });

  it('skips blocks above the size limit', () => {
    const result = candidatePairs(prepared(records.slice(0, 3)), { maxBlockSize: 2 });
    expect(result.skippedBlocks).toBeGreaterThan(0);
    expect(pairsOf(result)).toEqual(['0-1']); // only the identifier block (size 2) survives
  });
});
