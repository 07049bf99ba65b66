import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPlansCli, type CliIo } from './plans-cli';
import { PlansExitCode } from './plans-exit-code';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/plans');
const fixture = (name: string): string => path.join(FIXTURES, name);

function run(...argv: string[]): { code: PlansExitCode; stdout: string; stderr: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (file) => readFileSync(file, 'utf8'),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    now: () => '2026-03-01T00:00:00+08:00',
  };
  const code = runPlansCli(argv, io);
  return { code, stdout: out.join(''), stderr: err };
}

describe('revisit plans validate', () => {
  it('accepts a built-in template file (exit 0)', () => {
    const result = run('plans', 'validate', path.resolve(__dirname, '../plans/templates/dental-aftercare.yaml'));
    expect(result.code).toBe(PlansExitCode.Ok);
    expect(result.stdout).toContain('plan dental-aftercare v1 is valid');
  });

  it('reports schema errors with line and column (exit 1)', () => {
    const result = run('plans', 'validate', fixture('invalid-plan.yaml'));
    expect(result.code).toBe(PlansExitCode.InvalidPlan);
    expect(result.stderr).toEqual([
      expect.stringMatching(/invalid-plan\.yaml:8:22 plan\.schema-violation \/callSlots\/1 must match pattern/),
      expect.stringMatching(/invalid-plan\.yaml:16:5 plan\.schema-violation \/steps\/1 unknown property "colour"/),
    ]);
  });

  it('reports YAML syntax errors with their line (exit 1)', () => {
    const result = run('plans', 'validate', fixture('syntax-error-plan.yaml'));
    expect(result.code).toBe(PlansExitCode.InvalidPlan);
    expect(result.stderr[0]).toMatch(/syntax-error-plan\.yaml:4:1 plan\.yaml-syntax/);
  });

  it('exits 2 for a missing file or unknown subcommand', () => {
    expect(run('plans', 'validate', fixture('absent.yaml')).code).toBe(PlansExitCode.Usage);
    expect(run('plans', 'frobnicate').code).toBe(PlansExitCode.Usage);
    expect(run('plans', 'preview', '--plan', 'pharmacy-chronic').code).toBe(PlansExitCode.Usage);
    expect(
      run('plans', 'preview', '--plan', 'pharmacy-chronic', '--bundle', fixture('x.json'), '--tz', 'Mars/Base').code,
    ).toBe(PlansExitCode.Usage);
  });
});

describe('revisit plans preview', () => {
  it('prints the pharmacy tasks of a FHIR Bundle as JSON sorted by due time, with the exact fields', () => {
    const result = run(
      'plans',
      'preview',
      '--plan',
      'pharmacy-chronic',
      '--bundle',
      fixture('pharmacy-patient-bundle.json'),
    );
    expect(result.code).toBe(PlansExitCode.Ok);
    const rows = JSON.parse(result.stdout) as Array<Record<string, string>>;
    expect(rows.map((row) => Object.keys(row))).toEqual(
      rows.map(() => ['due', 'plan', 'step', 'purpose', 'channel', 'reason']),
    );
    expect(rows.map((row) => `${row['step']}@${row['due']}`)).toEqual([
      'first@2026-03-09T10:30:00+08:00',
      'while-taking@2026-04-01T10:30:00+08:00',
      'before-run-out@2026-04-17T10:30:00+08:00',
    ]);
    // 2 boxes x 14 tablets (Medication.amount), refill of 28, then 7 returned: supply until 2026-04-20.
    expect(rows[2]?.['reason']).toContain('supply runs out 2026-04-20');
    expect(rows[0]?.['reason']).toMatch(/also covers MedicationDispense\/disp-(1|4-prn)$/);
    expect(result.stderr).toContain(
      'pharmacist review: dispense disp-4-prn: taken as needed (prn): no regular consumption to compute a run-out date from (supply.sig-as-needed)',
    );
  });

  it('accepts a plan file and a zone: the same instants printed with the other offset', () => {
    const result = run(
      'plans',
      'preview',
      '--plan',
      path.resolve(__dirname, '../plans/templates/appointment-reminder.yaml'),
      '--bundle',
      fixture('pharmacy-patient-bundle.json'),
      '--now',
      '2026-03-01T00:00:00Z',
      '--tz',
      'Asia/Tokyo',
    );
    expect(result.code).toBe(PlansExitCode.Ok);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        due: '2026-03-29T10:30:00+09:00',
        plan: 'appointment-reminder',
        step: 'day-before',
        channel: 'sms',
      }),
    ]);
  });

  it('maps dental procedures by wording and code, no-shows and restorations', () => {
    const result = run(
      'plans',
      'preview',
      '--plan',
      'dental-aftercare',
      '--bundle',
      fixture('dental-patient-bundle.json'),
    );
    const rows = JSON.parse(result.stdout) as Array<Record<string, string>>;
    expect(rows.map((row) => `${row['step']}@${row['due']}`)).toEqual([
      'after-2h@2026-03-10T11:00:00+08:00',
      'rct-same-day@2026-03-10T11:20:00+08:00',
      'after-1w@2026-03-17T10:30:00+08:00',
      'missed-visit@2026-03-24T14:30:00+08:00',
    ]);
    expect(result.stderr).toContain(
      'cancelled: rct-unrestored (2026-03-17T10:30:00+08:00): tooth restored (procedure-performed at 2026-03-14T10:00:00+08:00)',
    );
  });

  it('turns a dispense in a TCM department into a prescription the TCM plan follows (3 weeks, first visit)', () => {
    const result = run(
      'plans',
      'preview',
      '--plan',
      'tcm-phone-follow-up',
      '--bundle',
      fixture('tcm-patient-bundle.json'),
    );
    const rows = JSON.parse(result.stdout) as Array<Record<string, string>>;
    expect(rows.map((row) => `${row['step']}@${row['due']}`)).toEqual([
      'first-visit-day-3@2026-03-05T10:30:00+08:00',
      'first-visit-day-10@2026-03-12T10:30:00+08:00',
      'first-visit-before-end@2026-03-20T10:30:00+08:00',
    ]);
  });

  it('reads the official FHIR R4 examples without failing and explains what it skipped', () => {
    const entries = [
      'patient-example-chinese.json',
      'medicationdispense0304.json',
      'medicationdispense0305.json',
      'appointment-example.json',
      'procedure-example.json',
      'encounter-example-f001-heart.json',
    ].map((name) => ({
      resource: JSON.parse(readFileSync(fixture(`fhir-r4-spec-examples/${name}`), 'utf8')) as unknown,
    }));
    const bundlePath = path.join(tmpdir(), `revisit-plans-spec-${process.pid}.json`);
    writeFileSync(bundlePath, JSON.stringify({ resourceType: 'Bundle', entry: entries }));
    const result = run(
      'plans',
      'preview',
      '--plan',
      'hospital-discharge',
      '--bundle',
      bundlePath,
      '--now',
      '2012-01-01T00:00:00Z',
    );
    expect(result.code).toBe(PlansExitCode.Ok);
    // None of these is a discharge (f001 is ambulatory and has no period): nothing to follow, and why.
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toEqual(['skipped: Encounter/f001: not a finished encounter']);
  });

  it('rejects a file that is not a FHIR Bundle (exit 2)', () => {
    const result = run('plans', 'preview', '--plan', 'dental-aftercare', '--bundle', fixture('invalid-plan.yaml'));
    expect(result.code).toBe(PlansExitCode.Usage);
    expect(result.stderr[0]).toMatch(/is not JSON/);
  });
});
