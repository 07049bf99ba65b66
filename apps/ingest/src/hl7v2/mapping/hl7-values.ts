import { type Hl7Repetition, type Hl7Segment } from '../parse/hl7-message';
import { type CodedValue } from '../../normalise/normalised-event';

/** Component n (1-based) of a repetition, first sub-component, trimmed; empty reads as undefined. */
export function comp(rep: Hl7Repetition | undefined, n: number, sub = 1): string | undefined {
  const v = rep?.[n - 1]?.[sub - 1]?.trim();
  return v === undefined || v === '' || v === '""' ? undefined : v;
}

/** CWE/CE: code^text^system (falls back to the alternate triplet when the primary is empty). */
export function coded(segment: Hl7Segment | undefined, field: number): CodedValue | undefined {
  const rep = segment?.field(field)[0];
  const code = comp(rep, 1) ?? comp(rep, 4);
  const display = comp(rep, 2) ?? comp(rep, 5) ?? comp(rep, 9);
  const system = comp(rep, 1) ? comp(rep, 3) : comp(rep, 6);
  if (!code && !display) return undefined;
  // CE/CWE components 4-6 name the same concept in a second system (often the ATC code of a local drug).
  const alternate =
    comp(rep, 1) && (comp(rep, 4) || comp(rep, 5))
      ? { code: comp(rep, 4), display: comp(rep, 5), system: comp(rep, 6) }
      : undefined;
  return { code, display, system, ...(alternate ? { alternates: [alternate] } : {}) };
}

/** XCN/XCN-like person reference: the id when given, else "family given" (staff, never patients). */
export function staffRef(segment: Hl7Segment | undefined, field: number): string | undefined {
  const rep = segment?.field(field)[0];
  return comp(rep, 1) ?? ([comp(rep, 2), comp(rep, 3)].filter(Boolean).join(' ') || undefined);
}

export function numberOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
