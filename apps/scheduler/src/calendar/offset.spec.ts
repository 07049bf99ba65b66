import fc from 'fast-check';
import { DateTime, Duration, FixedOffsetZone, IANAZone } from 'luxon';
import { applyOffset, parseOffset } from './offset';

/** The plain luxon reading of an offset: scale every unit, start of day for calendar offsets, plus/minus. */
function reference(anchor: DateTime, text: string, times: number): DateTime {
  const offset = parseOffset(text)!;
  const scaled = Duration.fromObject(
    Object.fromEntries(Object.entries(offset.duration.toObject()).map(([unit, value]) => [unit, (value ?? 0) * times])),
  );
  const base = offset.calendarOnly ? anchor.startOf('day') : anchor;
  return offset.negative ? base.minus(scaled) : base.plus(scaled);
}

const offsetText = fc
  .record({
    minus: fc.boolean(),
    years: fc.option(fc.integer({ min: 0, max: 3 })),
    months: fc.option(fc.integer({ min: 0, max: 14 })),
    weeks: fc.option(fc.integer({ min: 0, max: 10 })),
    days: fc.option(fc.integer({ min: 0, max: 400 })),
    hours: fc.option(fc.integer({ min: 0, max: 48 })),
    minutes: fc.option(fc.integer({ min: 0, max: 120 })),
  })
  .map((o) => {
    const date = `${o.years === null ? '' : `${o.years}Y`}${o.months === null ? '' : `${o.months}M`}${o.weeks === null ? '' : `${o.weeks}W`}${o.days === null ? '' : `${o.days}D`}`;
    const time = `${o.hours === null ? '' : `${o.hours}H`}${o.minutes === null ? '' : `${o.minutes}M`}`;
    return `${o.minus ? '-' : ''}P${date}${time ? `T${time}` : ''}`;
  })
  .filter((text) => parseOffset(text) !== undefined);

describe('applyOffset', () => {
  it('gives what luxon gives for every offset, repeat count and zone', () => {
    const zones = [FixedOffsetZone.instance(480), IANAZone.create('Europe/Berlin')];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        offsetText,
        fc.integer({ min: 0, max: 30 }),
        (millis, zone, text, times) => {
          const anchor = DateTime.fromMillis(millis, { zone });
          expect(applyOffset(anchor, parseOffset(text)!, times).toISO()).toBe(reference(anchor, text, times).toISO());
        },
      ),
      { numRuns: 5000 },
    );
  });
});
