import { createHash } from 'node:crypto';
import { redactText } from '@revisit/observability';

const MAX_MESSAGE_LENGTH = 300;

// Order matters: e-mails and quoted values go before the generic digit rule.
const REDACTIONS: readonly [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  [/"[^"]*"|'[^']*'|`[^`]*`/g, '[value]'],
  [/\d{17}[\dXx]|\d{15}/g, '[id-number]'],
  [/\+?\d[\d\s-]{5,}\d/g, '[number]'],
  // Chinese personal names and addresses are CJK runs; error texts we write ourselves are English.
  [/[\u3400-\u9fff\uf900-\ufaff]+/g, '[text]'],
];

/**
 * Makes an error message safe for logs and DLQ headers: handler errors may interpolate names,
 * phone numbers or identifiers, which must never leave the process in clear.
 */
export function redactErrorMessage(message: string): string {
  // The platform-wide patterns first, then ours, which also mask quoted values (Latin-script names).
  let safe = redactText(message);
  for (const [pattern, replacement] of REDACTIONS) safe = safe.replace(pattern, replacement);
  return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH)}...` : safe;
}

/**
 * Groups failures by where they were thrown: hashes only the stack frames (never the message,
 * which may vary per patient), so identical bugs share one hash in the DLQ.
 */
export function stackHash(error: unknown): string {
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  const frames = stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim().replace(/:\d+:\d+\)?$/, ''));
  const material = error instanceof Error ? `${error.name}\n${frames.join('\n')}` : 'non-error';
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}
