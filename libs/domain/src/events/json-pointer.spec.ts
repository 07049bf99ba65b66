import { valueAtPointer } from './json-pointer';

describe('valueAtPointer', () => {
  const doc = { patient: { enterpriseId: 'EP1' }, 'a/b': { '~c': 1 }, list: ['x'] };

  it('resolves nested members, escaped segments and array indexes', () => {
    expect(valueAtPointer(doc, '/patient/enterpriseId')).toBe('EP1');
    expect(valueAtPointer(doc, '/a~1b/~0c')).toBe(1);
    expect(valueAtPointer(doc, '/list/0')).toBe('x');
    expect(valueAtPointer(doc, '')).toBe(doc);
  });

  it('returns undefined for absent members and inherited properties', () => {
    expect(valueAtPointer(doc, '/patient/localId')).toBeUndefined();
    expect(valueAtPointer(doc, '/patient/enterpriseId/length')).toBeUndefined();
    expect(valueAtPointer(doc, '/patient/toString')).toBeUndefined();
    expect(valueAtPointer(null, '/x')).toBeUndefined();
  });
});
