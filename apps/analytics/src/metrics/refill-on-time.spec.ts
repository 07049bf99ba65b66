import { refillOnTime } from './refill-on-time';
import { MetricErrorCode } from './metrics.errors';

describe('refillOnTime', () => {
  const FILLS = [
    // 2026-01-01, 30 days: covers Jan 1..30, refill due Jan 31, deadline with 7 days grace Feb 7.
    { dispensedOn: '2026-01-01', daysSupply: 30 },
    // 2026-02-05 <= Feb 7: on time. Covers Feb 5..Mar 6; refill due Mar 7, deadline Mar 14.
    { dispensedOn: '2026-02-05', daysSupply: 30 },
    // 2026-03-20 > Mar 14: late. Covers Mar 20..Apr 18; refill due Apr 19, deadline Apr 26.
    { dispensedOn: '2026-03-20', daysSupply: 30 },
  ];

  it('counts refills within the grace period after the supply runs out', () => {
    // As of 2026-04-30 the third fill's deadline (Apr 26) has passed without a refill: late.
    // On time 1 of 3 due.
    expect(refillOnTime(FILLS, '2026-04-30')).toEqual({ rate: 1 / 3, onTime: 1, due: 3 });
  });

  it('leaves out a refill that is not due yet', () => {
    // As of 2026-04-20 the third deadline (Apr 26) is still ahead: 1 of 2.
    expect(refillOnTime(FILLS, '2026-04-20')).toEqual({ rate: 0.5, onTime: 1, due: 2 });
  });

  it('measures the deadline from shifted supply, so an early refill does not count as late later', () => {
    // Fill 1 Jan 1 (30 days) and fill 2 Jan 20 (30 days, shifted to Jan 31..Mar 1); fill 3 Mar 5 <= Mar 2 + 7.
    // Fill 1: next fill Jan 20 <= Feb 7, on time. Fill 2: next Mar 5 <= Mar 9, on time. Fill 3 not due on Mar 31.
    const fills = [
      { dispensedOn: '2026-01-01', daysSupply: 30 },
      { dispensedOn: '2026-01-20', daysSupply: 30 },
      { dispensedOn: '2026-03-05', daysSupply: 30 },
    ];
    expect(refillOnTime(fills, '2026-03-31')).toEqual({ rate: 1, onTime: 2, due: 2 });
  });

  it('with zero grace days a refill one day after run-out is late', () => {
    // Covers Jan 1..10; due Jan 11; the refill on Jan 12 is late.
    const fills = [
      { dispensedOn: '2026-01-01', daysSupply: 10 },
      { dispensedOn: '2026-01-12', daysSupply: 10 },
    ];
    expect(refillOnTime(fills, '2026-01-15', 0)).toEqual({ rate: 0, onTime: 0, due: 1 });
  });

  it('rejects negative grace', () => {
    expect(() => refillOnTime(FILLS, '2026-04-30', -1)).toThrow(
      expect.objectContaining({ code: MetricErrorCode.InvalidDuration }),
    );
  });
});
