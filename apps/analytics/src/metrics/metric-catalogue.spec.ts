import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_CATALOGUE, findMetricDefinition } from './metric-catalogue';

const HAN = /\p{Script=Han}/u;

describe('METRIC_CATALOGUE', () => {
  it('has unique kebab-case ids', () => {
    const ids = METRIC_CATALOGUE.map((metric) => metric.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('gives every metric a Chinese and an English name and definition', () => {
    for (const metric of METRIC_CATALOGUE) {
      expect(metric.name['zh-CN']).toMatch(HAN);
      expect(metric.definition['zh-CN']).toMatch(HAN);
      expect(metric.name.en).not.toMatch(HAN);
      expect(metric.definition.en.length).toBeGreaterThan(30);
    }
  });

  it('is documented: docs/metrics.md names every id', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/metrics.md'), 'utf8');
    const missing = METRIC_CATALOGUE.map((metric) => metric.id).filter((id) => !doc.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });

  it('finds a definition by id', () => {
    expect(findMetricDefinition('net-promoter-score')?.unit).toBe('percentage-points');
    expect(findMetricDefinition('unknown')).toBeUndefined();
  });
});
