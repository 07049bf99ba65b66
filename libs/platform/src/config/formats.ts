import type Ajv from 'ajv';

/** Formats our env schemas use beyond ajv-formats. Each accepts the raw string from the environment. */
export function addConfigFormats(ajv: Ajv): void {
  ajv.addFormat('iana-timezone', { type: 'string', validate: isIanaTimeZone });
  ajv.addFormat('broker-list', { type: 'string', validate: isBrokerList });
  ajv.addFormat('postgres-url', {
    type: 'string',
    validate: (value) => hasProtocol(value, ['postgres:', 'postgresql:']),
  });
  ajv.addFormat('redis-url', { type: 'string', validate: (value) => hasProtocol(value, ['redis:', 'rediss:']) });
}

function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

function isBrokerList(value: string): boolean {
  return value.split(',').every((broker) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker.trim()));
}

function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** `host1:9092, host2:9092` -> `['host1:9092', 'host2:9092']`. */
export function parseBrokerList(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}
