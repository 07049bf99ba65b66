import { redact } from './redact';
import { isSensitiveKey } from './sensitive-keys';
import { REDACTED, redactText } from './sensitive-patterns';

describe('redactText', () => {
  it.each([
    ['call 13812345678 now', 'call [REDACTED] now'],
    ['call +86 138 1234 5678 now', 'call [REDACTED] now'],
    ['id 11010519491231002X here', 'id [REDACTED] here'],
    ['old id 110105491231002', 'old id [REDACTED]'],
    ['office 010-12345678', 'office [REDACTED]'],
    ['mail zhang.san@example.cn', 'mail [REDACTED]'],
    ['postgres://app:s3cret@db:5432/x', 'postgres://app:[REDACTED]@db:5432/x'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [REDACTED]'],
    ['姓名：张三 已预约', '[REDACTED]：[REDACTED] [REDACTED]'],
    ['insert failed for 李四 (row 3)', 'insert failed for [REDACTED] (row 3)'],
    ['欧阳·娜娜', '[REDACTED]'],
  ])('masks %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('keeps numbers that are not phone or ID numbers', () => {
    const text = 'offset 12345 at 1763887000123 partition 3 took 13.5 ms, order 2024112300001234567890';
    expect(redactText(text)).toBe(text);
  });
});

describe('isSensitiveKey', () => {
  it.each([
    'name',
    'patientName',
    'patient_name',
    'homePhone',
    'MOBILE',
    'idCard',
    'birthDate',
    'apiKey',
    'DB_PASSWORD',
  ])('%s is sensitive', (key) => expect(isSensitiveKey(key)).toBe(true));
  it.each(['service', 'eventType', 'topic', 'patientId', 'durationMs', 'correlation_id'])('%s is not', (key) =>
    expect(isSensitiveKey(key)).toBe(false),
  );
});

describe('redact', () => {
  it('masks sensitive keys at any depth and patterns in other strings', () => {
    const input = {
      patient: { name: '王小明', identifiers: [{ system: 'his', value: 'H001' }], phone: '13900001111' },
      note: 'reached 13900001111',
      count: 2,
    };
    expect(redact(input)).toEqual({
      patient: { name: REDACTED, identifiers: REDACTED, phone: REDACTED },
      note: `reached ${REDACTED}`,
      count: 2,
    });
  });

  it('masks numeric phone values and leaves trusted keys alone', () => {
    expect(redact({ contact: 13900001111, trace_id: '13900001111' }, new Set(['trace_id']))).toEqual({
      contact: REDACTED,
      trace_id: '13900001111',
    });
  });

  it('turns errors into plain objects with masked messages and survives cycles', () => {
    const error = new Error('duplicate key (id_card)=(11010519491231002X)');
    const cyclic: Record<string, unknown> = { error };
    cyclic['self'] = cyclic;
    const result = redact(cyclic) as { error: { message: string; type: string }; self: unknown };
    expect(result.error.type).toBe('Error');
    expect(result.error.message).toBe(`duplicate key (id_card)=(${REDACTED})`);
    expect(result.self).toBe('[Circular]');
  });

  it("keeps an error's class name but not a person's name", () => {
    const error = Object.assign(new Error('broker down'), { name: 'KafkaJSProtocolError' });
    expect(redact({ err: error, patient: { name: '13900001111' } })).toMatchObject({
      err: { name: 'KafkaJSProtocolError', message: 'broker down' },
      patient: { name: REDACTED },
    });
  });
});
