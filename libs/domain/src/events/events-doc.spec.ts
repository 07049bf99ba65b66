import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES } from './catalogue';

const repoRoot = path.resolve(__dirname, '../../../..');

describe('event documentation', () => {
  it.each([['docs/events.md'], ['CHANGELOG.md']])('%s names every catalogued event type', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    expect(EVENT_TYPES.filter((type) => !text.includes(`\`${type}\``))).toEqual([]);
  });
});
