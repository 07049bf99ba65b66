import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type GeneratedFile, generateSample, SampleOptionsError, type SampleSummary } from '@revisit/sample-data';
import { CliExitCode } from '../cli-exit-code';
import { GENERATE_USAGE, parseGenerateArgs } from './generate-args';

/** What an earlier `revisit generate` wrote, replaced as a whole so no stale file survives. */
const SAMPLE_ENTRIES = ['hl7', 'fhir', 'erp-csv', 'truth', 'sources.json', 'summary.json'];

function usage(message: string): number {
  console.error(`revisit generate: ${message}\n\n${GENERATE_USAGE}`);
  return CliExitCode.Usage;
}

/** `revisit generate`: writes the sample and prints what it wrote. */
export async function run(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(GENERATE_USAGE);
    return CliExitCode.Ok;
  }
  const parsed = parseGenerateArgs(args);
  if ('error' in parsed) return usage(parsed.error);
  const out = path.resolve(parsed.out);
  // Checked before generating: a 5,000-patient sample takes seconds to build.
  if (holdsForeignFiles(out))
    return usage(`${parsed.out} is not empty and holds no earlier sample; choose another --out`);
  let sample;
  try {
    sample = generateSample(parsed);
  } catch (error: unknown) {
    if (error instanceof SampleOptionsError) return usage(error.message);
    throw error;
  }
  try {
    writeSample(out, sample.files);
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    console.error(`revisit generate: cannot write ${parsed.out} (${code})`);
    return CliExitCode.Failure;
  }
  console.log(summaryText(sample.summary, sample.files.length, parsed.out));
  return CliExitCode.Ok;
}

export function summaryText(s: SampleSummary, files: number, out: string): string {
  const events = Object.values(s.events).reduce((a, b) => a + b, 0);
  return [
    `revisit generate: seed ${s.seed}, ${s.patients} patients (${s.records} registrations), ${s.from} .. ${s.until}`,
    `  records:  ${Object.entries(s.recordsBySource)
      .map(([source, n]) => `${source} ${n}`)
      .join(', ')}`,
    `  HL7 v2:   ${s.messages.hl7v2} messages in ${s.files.hl7v2} files`,
    `  FHIR R4:  ${s.messages['fhir-r4']} bundles`,
    `  ERP CSV:  ${s.messages['erp-csv']} rows in ${s.files['erp-csv']} files`,
    `  expected events: ${events}`,
    `  ${files} files written to ${out} (ground truth in truth/, sources to register in sources.json)`,
  ].join('\n');
}

function holdsForeignFiles(out: string): boolean {
  return existsSync(out) && readdirSync(out).some((entry) => !SAMPLE_ENTRIES.includes(entry));
}

/** Replaces an earlier sample in `out` as a whole, so that no stale file of it survives. */
function writeSample(out: string, files: readonly GeneratedFile[]): void {
  for (const entry of SAMPLE_ENTRIES) rmSync(path.join(out, entry), { recursive: true, force: true });
  for (const dir of new Set(files.map((f) => path.dirname(path.join(out, f.path)))))
    mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(path.join(out, file.path), file.bytes);
}
