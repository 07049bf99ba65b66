import { createHash } from 'node:crypto';
import { parse as parseUuid } from 'uuid';

/** Namespace of Revisit follow-up task ids (a fixed random UUID; changing it renames every task). */
const TASK_NAMESPACE = '6f1d3c52-8a4e-5b8f-9c1a-2e7d4b9f0a63';
const NAMESPACE_BYTES = Buffer.from(parseUuid(TASK_NAMESPACE));

export interface TaskIdentity {
  readonly org: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly triggerKey: string;
  readonly stepId: string;
  readonly occurrence: number;
}

/**
 * RFC 4122 version-5 UUID of `name` in the task namespace: SHA-1 over namespace and name, version and
 * variant bits set. Byte-for-byte what `uuid`'s v5 gives (a test holds it to that), without its
 * per-call conversions, which showed up in derivation profiles.
 */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function taskId(identity: TaskIdentity): string {
  return uuidV5(
    [
      identity.org,
      identity.planId,
      identity.planVersion,
      identity.triggerKey,
      identity.stepId,
      identity.occurrence,
    ].join('|'),
  );
}
