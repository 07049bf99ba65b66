import { canReadMetrics, canSeePatients, maskPatientId } from './viewer';

describe('viewer rights', () => {
  const viewer = (...roles: string[]) => ({ subject: 'u1', orgs: ['org-a'], roles });

  it('lets managers read figures without seeing patients, and supervisors see both', () => {
    expect([canReadMetrics(viewer('manager')), canSeePatients(viewer('manager'))]).toEqual([true, false]);
    expect([canReadMetrics(viewer('supervisor')), canSeePatients(viewer('supervisor'))]).toEqual([true, true]);
    expect(canReadMetrics(viewer('agent'))).toBe(false);
  });

  it('masks all but the ends of a patient id', () => {
    expect(maskPatientId('EP00012345')).toBe('EP******45');
    expect(maskPatientId('EP1')).toBe('***');
  });
});
