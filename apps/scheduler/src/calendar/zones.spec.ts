import { DateTime, FixedOffsetZone } from 'luxon';
import { computationZone } from './zones';

describe('computationZone', () => {
  const now = DateTime.fromISO('2026-03-01T00:00:00Z');

  it('uses a fixed offset for a zone without transitions around now (Asia/Shanghai = UTC+8)', () => {
    const zone = computationZone('Asia/Shanghai', now);
    expect(zone).toBeInstanceOf(FixedOffsetZone);
    expect(zone.offset(now.toMillis())).toBe(480);
  });

  it('keeps the IANA zone where daylight saving changes the offset (Europe/Berlin)', () => {
    const zone = computationZone('Europe/Berlin', now);
    expect(zone).not.toBeInstanceOf(FixedOffsetZone);
    expect(zone.offset(DateTime.fromISO('2026-07-01T00:00:00Z').toMillis())).toBe(120);
  });
});
