import { drawArm } from './cohort-arm';

const patients = Array.from({ length: 20_000 }, (_, i) => `EP${String(i).padStart(10, '0')}`);

function controlShare(planId: string, share: number): number {
  return patients.filter((p) => drawArm('org-demo-pharmacy', planId, p, share) === 'control').length / patients.length;
}

describe('control group draw', () => {
  it.each([0.05, 0.1, 0.3, 0.5])('holds out %p of many patients, within five standard errors', (share) => {
    const tolerance = 5 * Math.sqrt((share * (1 - share)) / patients.length);
    expect(Math.abs(controlShare('pharmacy-chronic', share) - share)).toBeLessThan(tolerance);
  });

  it('holds out no one at share 0', () => {
    expect(controlShare('pharmacy-chronic', 0)).toBe(0);
  });

  it('draws the same arm every time, and independently per plan', () => {
    const first = patients.slice(0, 2000).map((p) => drawArm('org-a', 'pharmacy-chronic', p, 0.2));
    expect(patients.slice(0, 2000).map((p) => drawArm('org-a', 'pharmacy-chronic', p, 0.2))).toEqual(first);
    const other = patients.slice(0, 2000).map((p) => drawArm('org-a', 'dental-aftercare', p, 0.2));
    const bothControl = first.filter((arm, i) => arm === 'control' && other[i] === 'control').length;
    // independent draws: about 0.2 x 0.2 x 2000 = 80 patients in both control groups, not ~400
    expect(bothControl).toBeGreaterThan(40);
    expect(bothControl).toBeLessThan(130);
  });

  it('a larger share keeps everyone a smaller share held out (nested draws)', () => {
    const small = patients.filter((p) => drawArm('org-a', 'x', p, 0.1) === 'control');
    expect(small.every((p) => drawArm('org-a', 'x', p, 0.2) === 'control')).toBe(true);
  });
});
