import { uniqueTopicPrefix } from './test-env';

describe('uniqueTopicPrefix', () => {
  it('only uses characters Kafka accepts in topic names and ends with a dot', () => {
    const prefix = uniqueTopicPrefix('outbox relay/restart');
    expect(prefix).toMatch(/^test\.outbox-relay-restart\.[a-z0-9]+\.$/);
    expect(`${prefix}revisit.ingest.patient-registered.v1`).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
  });

  it('differs on every call, even within the same millisecond', () => {
    const prefixes = Array.from({ length: 1_000 }, () => uniqueTopicPrefix());
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
