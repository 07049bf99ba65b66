import { parseArgs } from 'node:util';
import { MAX_MONTHS, MAX_PATIENT_MONTHS, MAX_PATIENTS } from '@revisit/sample-data';
import { DEFAULT_SAMPLE, type SampleLoadOptions } from './sample/load-sample';

export const DEMO_USAGE = `Usage: revisit demo [--no-sample] [--patients N] [--months N] [--seed N]

Starts the infrastructure, the four services and the web console, adds the demo sign-ins, then loads a
generated sample through ingest's real interfaces (HL7 v2 over MLLP, FHIR R4, ERP CSV) until Ctrl-C.

  --no-sample     start empty (no sample generated or sent)
  --patients N    sample size, default ${DEFAULT_SAMPLE.patients}
  --months N      history length, default ${DEFAULT_SAMPLE.months}
  --seed N        generator seed, default ${DEFAULT_SAMPLE.seed}`;

/** The sample to load (undefined with --no-sample), or why the arguments are refused. */
export function parseDemoArgs(args: readonly string[]): { sample: SampleLoadOptions | undefined } | { error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'no-sample': { type: 'boolean' },
        patients: { type: 'string' },
        months: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
    return { error: message || 'invalid arguments' };
  }
  const sized = ['patients', 'months', 'seed'].filter((name) => values[name] !== undefined);
  if (values['no-sample'] === true) {
    return sized.length > 0 ? { error: `--no-sample and --${sized[0]} contradict each other` } : { sample: undefined };
  }
  const sample: Record<string, number> = { ...DEFAULT_SAMPLE };
  for (const name of sized) {
    const raw = values[name] as string;
    if (!/^\d+$/.test(raw)) return { error: `--${name} must be a whole number` };
    sample[name] = Number(raw);
  }
  // Checked before anything starts, with the generator's limits, rather than after the services are up.
  const { patients, months, seed } = sample as unknown as SampleLoadOptions;
  if (patients < 1 || patients > MAX_PATIENTS) return { error: `--patients must be from 1 to ${MAX_PATIENTS}` };
  if (months < 1 || months > MAX_MONTHS) return { error: `--months must be from 1 to ${MAX_MONTHS}` };
  if (patients * months > MAX_PATIENT_MONTHS)
    return { error: `--patients x --months must not exceed ${MAX_PATIENT_MONTHS}` };
  if (seed > 0xffffffff) return { error: '--seed must be from 0 to 4294967295' };
  return { sample: { patients, months, seed } };
}
