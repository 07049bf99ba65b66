import { parseDemoArgs } from './demo-args';
import { DEFAULT_SAMPLE } from './sample/load-sample';

describe('revisit demo arguments', () => {
  it('loads the default sample unless told otherwise', () => {
    expect(parseDemoArgs([])).toEqual({ sample: DEFAULT_SAMPLE });
    expect(parseDemoArgs(['--patients', '300', '--months', '2', '--seed', '7'])).toEqual({
      sample: { patients: 300, months: 2, seed: 7 },
    });
    expect(parseDemoArgs(['--no-sample'])).toEqual({ sample: undefined });
  });

  it('refuses what the generator would refuse, before anything starts', () => {
    expect(parseDemoArgs(['--patients', '0'])).toEqual({ error: expect.stringContaining('--patients') });
    expect(parseDemoArgs(['--months', 'two'])).toEqual({ error: '--months must be a whole number' });
    expect(parseDemoArgs(['--patients', '50000', '--months', '24'])).toEqual({
      error: expect.stringContaining('--patients x --months'),
    });
    expect(parseDemoArgs(['--no-sample', '--patients', '10'])).toEqual({
      error: expect.stringContaining('contradict'),
    });
    expect('error' in parseDemoArgs(['--colour', 'red'])).toBe(true);
  });
});
