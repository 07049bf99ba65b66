import { DRAW_SCALE, isSampled } from './call-sampling';

describe('call sampling draw', () => {
  it('samples exactly the draws below the rate share of the scale', () => {
    expect(isSampled(49_999, 0.05)).toBe(true);
    expect(isSampled(50_000, 0.05)).toBe(false);
  });

  it('never samples at rate 0 and always samples at rate 1', () => {
    expect(isSampled(0, 0)).toBe(false);
    expect(isSampled(DRAW_SCALE - 1, 1)).toBe(true);
  });
});
