import { type Hl7Delimiters } from './delimiters';
import { type HexDecoder, unescapeValue } from './escape';

/** A field repetition: components, each a list of sub-components (already unescaped). */
export type Hl7Repetition = readonly (readonly string[])[];
export type Hl7Field = readonly Hl7Repetition[];

export interface Hl7Path {
  readonly field: number;
  readonly repetition: number;
  readonly component?: number;
  readonly subcomponent?: number;
}

const PATH = /^(?:([A-Z][A-Z0-9]{2})-)?(\d+)(?:\[(\d+)\])?(?:\.(\d+))?(?:\.(\d+))?$/;

export function parsePath(path: string): { segment?: string; path: Hl7Path } {
  const m = PATH.exec(path);
  if (!m) throw new Error(`Invalid HL7 path syntax: ${path}`);
  return {
    segment: m[1],
    path: {
      field: Number(m[2]),
      repetition: m[3] === undefined ? 1 : Number(m[3]),
      component: m[4] === undefined ? undefined : Number(m[4]),
      subcomponent: m[5] === undefined ? undefined : Number(m[5]),
    },
  };
}

export class Hl7Segment {
  private readonly parsed = new Map<number, Hl7Field>();

  constructor(
    readonly id: string,
    /** Raw field texts, index = HL7 field number (for MSH, index 1 is the field separator). */
    private readonly rawFields: readonly string[],
    private readonly delimiters: Hl7Delimiters,
    private readonly hex: HexDecoder,
  ) {}

  get fieldCount(): number {
    return this.rawFields.length - 1;
  }

  raw(field: number): string {
    return this.rawFields[field] ?? '';
  }

  field(field: number): Hl7Field {
    const cached = this.parsed.get(field);
    if (cached) return cached;
    const raw = this.raw(field);
    const d = this.delimiters;
    const value: Hl7Field =
      this.id === 'MSH' && field <= 2
        ? [[[raw]]]
        : raw === ''
          ? []
          : raw
              .split(d.repetition)
              .map((rep) =>
                rep
                  .split(d.component)
                  .map((comp) => comp.split(d.subcomponent).map((s) => unescapeValue(s, d, this.hex))),
              );
    this.parsed.set(field, value);
    return value;
  }

  repetitions(field: number): Hl7Repetition[] {
    return [...this.field(field)];
  }

  /** `get('3[2].1')`: field 3, second repetition, first component; empty values read as undefined. */
  get(path: string | Hl7Path): string | undefined {
    const p = typeof path === 'string' ? parsePath(path).path : path;
    const rep = this.field(p.field)[p.repetition - 1];
    if (!rep) return undefined;
    // A path without component/sub-component reads the first one, as most HL7 tools do.
    const resolved = rep[(p.component ?? 1) - 1]?.[(p.subcomponent ?? 1) - 1];
    const trimmed = resolved?.trim();
    return trimmed === undefined || trimmed === '' || trimmed === '""' ? undefined : trimmed;
  }
}

export class Hl7Message {
  constructor(
    readonly segments: readonly Hl7Segment[],
    readonly delimiters: Hl7Delimiters,
  ) {}

  all(id: string): Hl7Segment[] {
    return this.segments.filter((s) => s.id === id);
  }

  first(id: string): Hl7Segment | undefined {
    return this.segments.find((s) => s.id === id);
  }

  /** `get('PID-3[2].1')`: first PID segment, field 3, second repetition, component 1. */
  get(path: string): string | undefined {
    const { segment, path: p } = parsePath(path);
    if (!segment) throw new Error(`HL7 path needs a segment id: ${path}`);
    return this.first(segment)?.get(p);
  }

  /** Segments that follow `anchor` until the next segment of one of `stopAt` (for groups like PID/MRG). */
  following(anchor: Hl7Segment, stopAt: readonly string[]): Hl7Segment[] {
    const start = this.segments.indexOf(anchor);
    const out: Hl7Segment[] = [];
    for (let i = start + 1; i < this.segments.length; i++) {
      const s = this.segments[i]!;
      if (stopAt.includes(s.id)) break;
      out.push(s);
    }
    return out;
  }
}
