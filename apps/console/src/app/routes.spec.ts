import { parseHash, routesFor } from './routes';

describe('console routes by role', () => {
  it('offers agents only their workbench, and auditors figures and audits but no workbench', () => {
    expect(routesFor(['agent'])).toEqual(['workbench']);
    expect(routesFor(['auditor'])).toEqual(['dashboard', 'audit']);
    expect(routesFor(['supervisor'])).toEqual(['dashboard', 'workbench', 'workload', 'audit', 'complaints']);
    expect(routesFor([])).toEqual([]);
  });

  it('parses hash routes and ignores unknown ones', () => {
    expect(parseHash('#/workbench')).toBe('workbench');
    expect(parseHash('#/dashboard?x=1')).toBe('dashboard');
    expect(parseHash('#/admin')).toBeUndefined();
    expect(parseHash('')).toBeUndefined();
  });
});
