import { DateTime, IANAZone } from 'luxon';

export const PLANS_USAGE = [
  'usage:',
  '  revisit plans validate FILE.yaml',
  '  revisit plans preview --plan ID|FILE.yaml --bundle FILE.json [--now ISO-8601] [--tz Asia/Shanghai]',
  '',
  'preview prints, as JSON sorted by due time, the tasks the plan derives from a FHIR R4 Bundle.',
].join('\n');

export type PlansCommand =
  | { readonly kind: 'validate'; readonly file: string }
  | {
      readonly kind: 'preview';
      readonly plan: string;
      readonly bundle: string;
      readonly now: string;
      readonly tz?: string;
    }
  | { readonly kind: 'help' };

export type ParsedArgs =
  { readonly ok: true; readonly command: PlansCommand } | { readonly ok: false; readonly error: string };

function options(args: readonly string[]): Map<string, string> | string {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 2) {
    const name = args[index] ?? '';
    const value = args[index + 1];
    const [flag, inline] = name.includes('=') ? name.split(/=(.*)/s) : [name, undefined];
    if (!flag?.startsWith('--')) return `unexpected argument "${name}"`;
    if (inline !== undefined) {
      values.set(flag.slice(2), inline);
      index -= 1;
      continue;
    }
    if (value === undefined) return `${flag} needs a value`;
    values.set(flag.slice(2), value);
  }
  return values;
}

/** Parses `plans <subcommand> ...` (the dispatcher forwards the word "plans" first). */
export function parsePlansArgs(argv: readonly string[], clockNow: () => string): ParsedArgs {
  const args = argv[0] === 'plans' ? argv.slice(1) : argv;
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === 'help' || subcommand === '--help' || subcommand === '-h') {
    return { ok: true, command: { kind: 'help' } };
  }
  if (subcommand === 'validate') {
    if (rest.length !== 1 || rest[0]?.startsWith('--'))
      return { ok: false, error: 'validate takes exactly one FILE.yaml' };
    return { ok: true, command: { kind: 'validate', file: rest[0] as string } };
  }
  if (subcommand !== 'preview') return { ok: false, error: `unknown subcommand "${subcommand}"` };
  const parsed = options(rest);
  if (typeof parsed === 'string') return { ok: false, error: parsed };
  const unknown = [...parsed.keys()].filter((key) => !['plan', 'bundle', 'now', 'tz'].includes(key));
  if (unknown.length > 0)
    return { ok: false, error: `unknown option(s) ${unknown.map((key) => `--${key}`).join(', ')}` };
  const plan = parsed.get('plan');
  const bundle = parsed.get('bundle');
  if (!plan || !bundle) return { ok: false, error: 'preview needs --plan and --bundle' };
  const now = parsed.get('now') ?? clockNow();
  if (!DateTime.fromISO(now, { setZone: true }).isValid) return { ok: false, error: `--now "${now}" is not ISO-8601` };
  const tz = parsed.get('tz');
  if (tz !== undefined && !IANAZone.isValidZone(tz))
    return { ok: false, error: `--tz "${tz}" is not an IANA time zone` };
  return { ok: true, command: { kind: 'preview', plan, bundle, now, ...(tz === undefined ? {} : { tz }) } };
}
