import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { timeIn, withParsedTimes } from './patient-history';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isoText = fc
  .record({
    year: fc.integer({ min: 1990, max: 2060 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 })),
    fraction: fc.option(fc.integer({ min: 0, max: 999 })),
    offset: fc.constantFrom('Z', '+08:00', '-05:00', '+14:00', '+05:45', ''),
    dateOnly: fc.boolean(),
  })
  .map((t) => {
    const date = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
    if (t.dateOnly) return date;
    const seconds = t.second === null ? '' : `:${pad(t.second)}${t.fraction === null ? '' : `.${pad(t.fraction, 3)}`}`;
    return `${date}T${pad(t.hour)}:${pad(t.minute)}${seconds}${t.offset}`;
  });

describe('timeIn', () => {
  it("reads every date-time as luxon does (invalid ones stay invalid), in and out of a derivation's cache", () => {
    const zones = [FixedOffsetZone.instance(480), IANAZone.create('Asia/Shanghai'), IANAZone.create('Europe/Paris')];
    fc.assert(
      fc.property(isoText, fc.constantFrom(...zones), (iso, zone) => {
        const expected = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
        const read = (time: DateTime) => [time.isValid, time.isValid ? time.toISO() : null];
        expect(read(timeIn(zone, iso))).toEqual(read(expected));
        expect(read(withParsedTimes(() => (timeIn(zone, iso), timeIn(zone, iso))))).toEqual(read(expected));
      }),
      { numRuns: 5000 },
    );
  });
});
