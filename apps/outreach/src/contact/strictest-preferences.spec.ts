import { type ContactPreferences, DEFAULT_PREFERENCES } from './contact-rules';
import { strictestPreferences } from './strictest-preferences';

const prefs = (change: Partial<ContactPreferences>): ContactPreferences => ({ ...DEFAULT_PREFERENCES, ...change });

describe('strictestPreferences (one person under merged enterprise ids)', () => {
  it('keeps a single record as it is', () => {
    const only = prefs({ consent: { care: 'granted', marketing: 'granted' } });
    expect(strictestPreferences([only])).toBe(only);
  });

  it('lets a withdrawal beat a grant, and an unknown beat a grant, per purpose', () => {
    const folded = strictestPreferences([
      prefs({ consent: { care: 'granted', marketing: 'granted' } }),
      prefs({ consent: { care: 'withdrawn', marketing: 'unknown' } }),
    ]);
    expect(folded.consent).toEqual({ care: 'withdrawn', marketing: 'unknown' });
  });

  it('unions do-not-disturb periods without repeating one, and keeps every stop flag', () => {
    const lunch = { from: '12:00', to: '14:00' };
    const folded = strictestPreferences([
      prefs({ doNotDisturb: [lunch], movedAway: true }),
      prefs({ doNotDisturb: [lunch, { from: '18:00', to: '20:00', daysOfWeek: [6, 7] }], deceased: true }),
      prefs({ doesNotWantFollowUp: true }),
    ]);
    expect(folded.doNotDisturb).toEqual([lunch, { from: '18:00', to: '20:00', daysOfWeek: [6, 7] }]);
    expect([folded.movedAway, folded.deceased, folded.doesNotWantFollowUp]).toEqual([true, true, true]);
  });
});
