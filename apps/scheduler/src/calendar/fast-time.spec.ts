import fc from 'fast-check';
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { minutesIntoDay, plusDays, plusDaysAndMinutes, plusMinutes, startOfDay, startOfMinute } from './fast-time';

const ZONES: Zone[] = [
  FixedOffsetZone.instance(480), // what Asia/Shanghai computes in
  FixedOffsetZone.instance(-210),
  FixedOffsetZone.utcInstance,
  IANAZone.create('Europe/London'), // daylight saving: luxon's own arithmetic
  IANAZone.create('America/New_York'),
];

const instant = fc.record({
  millis: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
  zone: fc.constantFrom(...ZONES),
});
const same = (a: DateTime, b: DateTime) => expect([a.toISO(), a.zone.name]).toEqual([b.toISO(), b.zone.name]);

describe('fast wall-clock arithmetic equals luxon', () => {
  it('start of day and of minute', () => {
    fc.assert(
      fc.property(instant, ({ millis, zone }) => {
        const time = DateTime.fromMillis(millis, { zone });
        same(startOfDay(time), time.startOf('day'));
        same(startOfMinute(time), time.set({ second: 0, millisecond: 0 }));
      }),
      { numRuns: 3000 },
    );
  });

  it('minutes, days and minutes into the day', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -4000, max: 4000 }),
        fc.integer({ min: -800, max: 800 }),
        ({ millis, zone }, minutes, days) => {
          const time = DateTime.fromMillis(millis, { zone });
          same(plusMinutes(time, minutes), time.plus({ minutes }));
          same(plusDays(time, days), time.plus({ days }));
          const slot = ((minutes % 1440) + 1440) % 1440;
          same(minutesIntoDay(time, slot), time.startOf('day').plus({ minutes: slot }));
          const both = plusDaysAndMinutes(time, days, minutes);
          if (zone.isUniversal) same(both!, time.plus({ days, minutes }));
          else expect(both).toBeUndefined();
        },
      ),
      { numRuns: 3000 },
    );
  });
});
