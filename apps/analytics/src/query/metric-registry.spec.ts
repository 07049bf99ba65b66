import { METRIC_CATALOGUE } from '../metrics';
import { METRIC_COMPUTERS, metricNamed } from './metric-registry';
import { MetricQueryErrorCode } from './query.errors';

describe('metric registry', () => {
  it('has a read-model query for every metric in the catalogue and none without a definition', () => {
    expect(Object.keys(METRIC_COMPUTERS).sort()).toEqual(METRIC_CATALOGUE.map((m) => m.id).sort());
  });

  it('refuses an unknown id with a closed code, including inherited object keys', () => {
    for (const id of ['no-such-metric', 'constructor', '__proto__']) {
      expect(() => metricNamed(id)).toThrow(expect.objectContaining({ code: MetricQueryErrorCode.UnknownMetric }));
    }
  });
});
