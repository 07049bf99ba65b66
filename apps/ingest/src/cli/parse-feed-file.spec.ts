import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectFeedFormat } from './detect-feed-format';
import { type ParseOutputLine } from './feed-output';
import { summariseLines } from './fixture-expectations';
import { parseFeedFile } from './parse-feed-file';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const SETS = ['hl7v2', 'fhir', 'erp-csv'] as const;

function dataFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    if (name === 'expected' || name.startsWith('.') || name === 'README.md') return [];
    return statSync(full).isDirectory() ? dataFiles(full) : [full];
  });
}

function expectationFiles(root: string): string[] {
  return statSync(root).isDirectory()
    ? readdirSync(root).flatMap((name) => expectationFiles(path.join(root, name)))
    : [root];
}

async function parse(file: string): Promise<ParseOutputLine[]> {
  const content = readFileSync(file);
  const lines: ParseOutputLine[] = [];
  for await (const line of parseFeedFile(file, content, detectFeedFormat(file, content.subarray(0, 4096))))
    lines.push(line);
  return lines;
}

describe.each(SETS)('fixtures/%s through `revisit ingest parse`', (set) => {
  const root = path.join(FIXTURES, set);
  const files = dataFiles(root);

  it('has one pinned expectation per fixture file and none without a fixture', () => {
    const expected = expectationFiles(path.join(root, 'expected')).map((f) =>
      path.relative(path.join(root, 'expected'), f),
    );
    expect(expected.sort()).toEqual(files.map((f) => `${path.relative(root, f)}.json`).sort());
  });

  it.each(files.map((f) => [path.relative(root, f), f]))(
    '%s gives its pinned events or rejection codes',
    async (relative, file) => {
      const expected: unknown = JSON.parse(readFileSync(path.join(root, 'expected', `${relative}.json`), 'utf8'));
      const lines = await parse(file);
      expect(summariseLines(lines)).toEqual(expected);
      // Every message ends as events or a coded rejection, never an exception or an empty answer.
      expect(lines.length).toBeGreaterThan(0);
    },
  );
});
