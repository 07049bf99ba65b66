export type EmpiInputFormat = 'febrl' | 'revisit';

export interface EmpiLinkOptions {
  readonly inputs: readonly [string] | readonly [string, string];
  readonly format: EmpiInputFormat;
  readonly output: string;
}

export type ParsedEmpiLinkArgs =
  | { readonly kind: 'link'; readonly options: EmpiLinkOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const EMPI_USAGE = `Usage: revisit empi link --input A.csv [--input B.csv] [--format revisit|febrl] --output links.csv

Links the records of one file (deduplication) or of two files (one-to-one linkage) and writes
left_id,right_id,score,decision with decision "match" (linked automatically) or "possible" (review).

  --input FILE    input CSV; give it twice to link two sources
  --format NAME   revisit (default: id,name,pinyin,sex,birth_date,id_card,mobile,address,...) or febrl
  --output FILE   where to write the links CSV ("-" for standard output)`;

const FORMATS: readonly EmpiInputFormat[] = ['febrl', 'revisit'];

/** Parses `empi link ...` arguments (argv after `empi`). */
export function parseEmpiLinkArgs(argv: readonly string[]): ParsedEmpiLinkArgs {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) return { kind: 'usage-error', message: 'missing subcommand' };
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') return { kind: 'help' };
  if (subcommand !== 'link') return { kind: 'usage-error', message: `unknown empi subcommand "${subcommand}"` };
  const inputs: string[] = [];
  let format: EmpiInputFormat = 'revisit';
  let output: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = inline ?? rest[++i];
    if (name !== '--input' && name !== '--format' && name !== '--output') {
      return { kind: 'usage-error', message: `unknown option "${flag}"` };
    }
    if (value === undefined || value === '') return { kind: 'usage-error', message: `${name} needs a value` };
    if (name === '--input') inputs.push(value);
    else if (name === '--output') output = value;
    else if ((FORMATS as readonly string[]).includes(value)) format = value as EmpiInputFormat;
    else return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')}` };
  }
  if (inputs.length === 0) return { kind: 'usage-error', message: '--input is required' };
  if (inputs.length > 2) return { kind: 'usage-error', message: 'at most two --input files' };
  if (output === undefined) return { kind: 'usage-error', message: '--output is required' };
  const pair = inputs.length === 1 ? ([inputs[0]!] as const) : ([inputs[0]!, inputs[1]!] as const);
  return { kind: 'link', options: { inputs: pair, format, output } };
}
