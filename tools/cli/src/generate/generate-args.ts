import { parseArgs } from 'node:util';
import { formatDate, type GenerateSampleOptions, todayInShanghai } from '@revisit/sample-data';

export const GENERATE_USAGE = `Usage: revisit generate --out DIR [--seed N] [--patients N] [--months N] [--until YYYY-MM-DD]

Writes a seeded, reproducible sample into DIR: HL7 v2 files (hl7/), FHIR R4 transaction bundles (fhir/),
pharmacy ERP CSV per store (erp-csv/), the sources to register (sources.json), the ground truth (truth/)
and summary.json. Same options, same bytes. See docs/sample-data.md.

  --out DIR         output directory (created; refused if it holds anything but an earlier sample)
  --seed N          default 42
  --patients N      default 5000 (at most 50000)
  --months N        history length, default 3 (at most 24; patients x months at most 150000)
  --until DATE      last day of the history, default today in Asia/Shanghai

Exit codes: 0 written, 1 write failed, 2 usage error.`;

export type GenerateArgs = GenerateSampleOptions & { readonly out: string };

/** Options, or the sentence explaining why they are refused. */
export function parseGenerateArgs(args: readonly string[], now = Date.now()): GenerateArgs | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        seed: { type: 'string' },
        patients: { type: 'string' },
        months: { type: 'string' },
        until: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    // parseArgs's TypeError may come from another realm (jest), so read its message structurally.
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
    return { error: message || 'invalid arguments' };
  }
  const integer = (name: string, fallback: number): number | string => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : `--${name} must be a whole number`;
  };
  if (typeof values['out'] !== 'string' || values['out'] === '') return { error: '--out DIR is required' };
  const seed = integer('seed', 42);
  const patients = integer('patients', 5000);
  const months = integer('months', 3);
  for (const v of [seed, patients, months]) if (typeof v === 'string') return { error: v };
  const until = typeof values['until'] === 'string' ? values['until'] : formatDate(todayInShanghai(now));
  return { out: values['out'], seed: seed as number, patients: patients as number, months: months as number, until };
}
