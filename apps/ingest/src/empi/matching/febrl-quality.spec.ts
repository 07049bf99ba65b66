import { readFileSync } from 'node:fs';
import path from 'node:path';
import { linkRecords } from './batch-linker';
import { readFebrlCsv } from './formats/febrl-format';
import { LinkDecision } from './link-decision';

// Truth from FEBRL ids (rec-<N>-org / rec-<N>-dup-k): read here only to score, never by the matcher.
const entity = (id: string): string => /^rec-(\d+)-/.exec(id)![1]!;

describe('FEBRL dataset1 (1,000 records, 500 true pairs)', () => {
  it('links with precision >= 0.995 and F1 >= 0.99 using the default configuration', () => {
    const file = path.resolve(__dirname, '../../../../../test/fixtures/febrl/dataset1.csv');
    const records = readFebrlCsv(readFileSync(file, 'utf8'), 'dataset1.csv');
    const matches = linkRecords(records).links.filter((link) => link.decision === LinkDecision.Match);
    const correct = matches.filter((link) => entity(link.leftId) === entity(link.rightId)).length;
    const precision = correct / matches.length;
    const recall = correct / 500;
    expect(precision).toBeGreaterThanOrEqual(0.995);
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.99);
  });

  it('gives the same links when the ids are replaced by opaque ones', () => {
    const file = path.resolve(__dirname, '../../../../../test/fixtures/febrl/dataset1.csv');
    const records = readFebrlCsv(readFileSync(file, 'utf8'), 'dataset1.csv');
    const opaque = records.map((record, index) => ({ ...record, id: `r${(index * 7919) % 1000}` }));
    const count = (list: typeof records) =>
      linkRecords(list).links.filter((link) => link.decision === LinkDecision.Match).length;
    expect(count(opaque)).toBe(count(records));
  });
});
