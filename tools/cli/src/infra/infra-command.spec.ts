import { formatStatus } from './infra-command';

describe('formatStatus', () => {
  it('prints one aligned line per component with state, URL and source, and the reason when down', () => {
    const text = formatStatus([
      { component: 'kafka', url: '127.0.0.1:9092', source: 'local-jvm', reachable: true },
      {
        component: 'postgres',
        url: 'postgres://app:***@db:5432/revisit',
        source: 'env',
        reachable: false,
        detail: 'connect ECONNREFUSED',
      },
      { component: 'redis', url: 'redis://127.0.0.1:6379', source: 'default', reachable: true, detail: 'ignored' },
    ]);
    expect(text.split('\n')).toEqual([
      'kafka    reachable   127.0.0.1:9092                      (local-jvm)',
      'postgres unreachable postgres://app:***@db:5432/revisit  (env)  connect ECONNREFUSED',
      'redis    reachable   redis://127.0.0.1:6379              (default)',
    ]);
  });
});
