import { complaintResolution } from './complaint-resolution';
import { MetricErrorCode } from './metrics.errors';

describe('complaintResolution', () => {
  const COMPLAINTS = [
    { openedAt: '2026-03-01T09:00:00+08:00', resolvedAt: '2026-03-01T11:00:00+08:00' }, // 2 h
    { openedAt: '2026-03-01T09:00:00+08:00', resolvedAt: '2026-03-02T09:00:00+08:00' }, // 24 h
    { openedAt: '2026-03-01T09:00:00+08:00', resolvedAt: '2026-03-04T09:00:00+08:00' }, // 72 h, breach (SLA 48 h)
    { openedAt: '2026-03-02T09:00:00+08:00', resolvedAt: '2026-03-02T01:00:00Z' }, // same instant: 0 h
    { openedAt: '2026-03-03T09:00:00+08:00' }, // open 71 h at asOf -> breach
    { openedAt: '2026-03-05T20:00:00+08:00' }, // open 12 h at asOf -> no breach yet
  ];

  it('takes the median over resolved complaints and counts SLA breaches, open ones included', () => {
    // The fourth complaint resolves at 2026-03-02T01:00Z = 09:00 +08:00: 0 h (resolved on the spot).
    // Resolved hours sorted: 0, 2, 24, 72 -> median (2 + 24) / 2 = 13.
    // SLA 48 h, asOf 2026-03-06T08:00 +08:00: breaches = the 72 h one + the one open since 03-03 09:00 (71 h) = 2.
    expect(complaintResolution(COMPLAINTS, 48, '2026-03-06T08:00:00+08:00')).toEqual({
      medianHoursToResolution: 13,
      resolved: 4,
      slaBreaches: 2,
      open: 2,
    });
  });

  it('takes the middle value for an odd count and is null with none resolved', () => {
    // 2, 24, 72 -> 24
    expect(complaintResolution(COMPLAINTS.slice(0, 3), 48, '2026-03-06T08:00:00+08:00').medianHoursToResolution).toBe(
      24,
    );
    expect(complaintResolution([], 48, '2026-03-06T08:00:00+08:00').medianHoursToResolution).toBeNull();
  });

  it('rejects a resolution before the opening and a non-positive SLA', () => {
    const backwards = [{ openedAt: '2026-03-02T09:00:00+08:00', resolvedAt: '2026-03-01T09:00:00+08:00' }];
    expect(() => complaintResolution(backwards, 48, '2026-03-06T08:00:00+08:00')).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidPeriod }),
    );
    expect(() => complaintResolution([], 0, '2026-03-06T08:00:00+08:00')).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDuration }),
    );
  });
});
