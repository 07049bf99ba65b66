import { latestDueWeek } from './week-calendar';

describe('latestDueWeek', () => {
  const zone = 'Asia/Shanghai';

  it("is last week from Monday's run time in Shanghai, and the week before until then", () => {
    // 2027-03-08 is a Monday. 05:59 Shanghai = 21:59 UTC the day before.
    expect(latestDueWeek(new Date('2027-03-07T21:59:00Z'), zone, '06:00')).toBe('2027-02-22');
    expect(latestDueWeek(new Date('2027-03-07T22:00:00Z'), zone, '06:00')).toBe('2027-03-01');
    // Sunday evening in Shanghai is still the current week: the last due summary is the week before.
    expect(latestDueWeek(new Date('2027-03-07T12:00:00Z'), zone, '06:00')).toBe('2027-02-22');
  });
});
