import { isSensitiveKey } from './sensitive-keys';
import { REDACTED, redactText } from './sensitive-patterns';

const MAX_DEPTH = 12;

/**
 * Returns a deep copy of `value` with sensitive keys replaced by `[REDACTED]` and sensitive patterns masked
 * in every string. Keys listed in `trustedKeys` (e.g. trace ids) keep their value untouched.
 */
export function redact(value: unknown, trustedKeys: ReadonlySet<string> = new Set()): unknown {
  return redactValue(value, trustedKeys, 0, new WeakSet());
}

function redactValue(value: unknown, trustedKeys: ReadonlySet<string>, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    return redactText(text) === text ? value : REDACTED;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, trustedKeys, depth + 1, seen));
  if (value instanceof Error) return redactValue(errorToPlain(value), trustedKeys, depth, seen);
  if (value instanceof Date) return value;
  const result: Record<string, unknown> = {};
  const serialisedError = looksLikeSerialisedError(value);
  for (const [key, item] of Object.entries(value)) {
    if (trustedKeys.has(key)) result[key] = item;
    // An error's `name` is its class (KafkaJSProtocolError), not a person's: keep it, still pattern-masked.
    else if (serialisedError && key === 'name') result[key] = redactValue(item, trustedKeys, depth + 1, seen);
    else if (isSensitiveKey(key) && item !== null && item !== undefined) result[key] = REDACTED;
    else result[key] = redactValue(item, trustedKeys, depth + 1, seen);
  }
  return result;
}

function looksLikeSerialisedError(value: object): boolean {
  const candidate = value as { message?: unknown; stack?: unknown };
  return typeof candidate.message === 'string' && typeof candidate.stack === 'string';
}

function errorToPlain(error: Error): Record<string, unknown> {
  const plain: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const [key, item] of Object.entries(error)) plain[key] = item;
  if (error.cause !== undefined) plain['cause'] = error.cause;
  return plain;
}
