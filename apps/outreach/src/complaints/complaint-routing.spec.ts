import {
  type ComplaintRouting,
  DEFAULT_ROUTING,
  duplicateDepartments,
  routeFeedback,
  slaDueAt,
  superiorOf,
  undefinedDepartments,
} from './complaint-routing';

const ROUTING: ComplaintRouting = {
  departments: [
    { code: 'service-centre', name: '客服中心', responsibleStaffId: 'staff-0900', superiorCode: 'medical-affairs' },
    { code: 'nursing', name: '护理部', responsibleStaffId: 'staff-0500', superiorCode: 'medical-affairs' },
    { code: 'pharmacy', name: '药剂科', responsibleStaffId: 'staff-0600' },
    { code: 'medical-affairs', name: '医务处', responsibleStaffId: 'staff-0001' },
  ],
  rules: [
    { kind: 'complaint', departmentCode: 'nursing' },
    { kind: 'complaint', source: 'wechat', departmentCode: 'pharmacy' },
    { source: 'walk-in', departmentCode: 'medical-affairs' },
  ],
  defaultDepartmentCode: 'service-centre',
  slaHours: { complaint: 12 },
};

describe('feedback routing', () => {
  it.each([
    ['complaint', 'wechat', 'pharmacy'],
    ['complaint', 'follow-up-call', 'nursing'],
    ['complaint', 'walk-in', 'nursing'],
    ['praise', 'walk-in', 'medical-affairs'],
    ['suggestion', 'survey', 'service-centre'],
  ] as const)('sends a %s from %s to %s (most specific rule first)', (kind, source, department) => {
    expect(routeFeedback(ROUTING, kind, source).code).toBe(department);
  });

  it('escalates to the superior department and stops at the top', () => {
    expect(superiorOf(ROUTING, 'nursing')?.responsibleStaffId).toBe('staff-0001');
    expect(superiorOf(ROUTING, 'medical-affairs')).toBeUndefined();
  });

  it('finds departments a routing refers to without defining, and ones defined twice', () => {
    const broken: ComplaintRouting = {
      ...ROUTING,
      departments: [...ROUTING.departments.slice(0, 2), ROUTING.departments[0]!],
      defaultDepartmentCode: 'nowhere',
    };
    expect(undefinedDepartments(broken).sort()).toEqual(['medical-affairs', 'nowhere', 'pharmacy']);
    expect(duplicateDepartments(broken)).toEqual(['service-centre']);
    expect(undefinedDepartments(ROUTING)).toEqual([]);
    expect(undefinedDepartments(DEFAULT_ROUTING)).toEqual([]);
  });

  it('gives each kind its deadline, the organisation overrides it, and severity scales it', () => {
    const at = new Date('2026-03-03T02:00:00Z');
    const hoursUntil = (due: Date) => (due.getTime() - at.getTime()) / 3600_000;
    expect(hoursUntil(slaDueAt(DEFAULT_ROUTING, 'complaint', 'medium', at))).toBe(24);
    expect(hoursUntil(slaDueAt(ROUTING, 'complaint', 'medium', at))).toBe(12);
    expect(hoursUntil(slaDueAt(ROUTING, 'complaint', 'high', at))).toBe(6);
    expect(hoursUntil(slaDueAt(ROUTING, 'praise', 'low', at))).toBe(252);
  });
});
