import { maskDigits, maskPhone } from './mask';

describe('maskDigits', () => {
  it('keeps the requested ends', () => {
    expect(maskDigits('13812345678', 3, 4)).toBe('138****5678');
    expect(maskDigits('12345678', 0, 4)).toBe('****5678');
  });

  it('masks everything when the value is too short to keep both ends', () => {
    expect(maskDigits('1234567', 3, 4)).toBe('*******');
    expect(maskDigits('', 3, 4)).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['0755-12345678', '075*****5678'],
    ['12345678', '****5678'],
    ['123', '**3'],
    ['no digits', ''],
  ])('masks %j as %j', (raw, masked) => {
    expect(maskPhone(raw)).toBe(masked);
  });
});
