import { type ContactPreferences, type ContactRuleSettings, DEFAULT_PREFERENCES, judgeContact } from './contact-rules';

const settings: ContactRuleSettings = {
  zone: 'Asia/Shanghai',
  quietHours: { from: '21:00', to: '08:00' },
  frequencyCap: 3,
  frequencyWindowMs: 7 * 24 * 3600_000,
};
const shanghai = (local: string) => new Date(`${local}+08:00`);
const prefs = (change: Partial<ContactPreferences>): ContactPreferences => ({ ...DEFAULT_PREFERENCES, ...change });
const TUESDAY_10 = shanghai('2027-03-02T10:00:00');

describe('contact rules enforced whatever the plan says', () => {
  it.each([
    [
      'deceased stops everything, even with consent',
      prefs({ deceased: true, consent: { care: 'granted', marketing: 'granted' } }),
      'post-visit',
      { kind: 'stop', outcome: 'deceased' },
    ],
    [
      '不愿意接受回访 stops follow-up',
      prefs({ doesNotWantFollowUp: true }),
      'post-visit',
      { kind: 'stop', outcome: 'refused' },
    ],
    ['moved away', prefs({ movedAway: true }), 'refill-reminder', { kind: 'stop', outcome: 'moved-away' }],
    [
      'care consent withdrawn',
      prefs({ consent: { care: 'withdrawn', marketing: 'granted' } }),
      'post-visit',
      { kind: 'stop', outcome: 'do-not-contact' },
    ],
    ['marketing needs explicit consent', prefs({}), 'seasonal-care', { kind: 'stop', outcome: 'do-not-contact' }],
    [
      'marketing with consent',
      prefs({ consent: { care: 'unknown', marketing: 'granted' } }),
      'seasonal-care',
      { kind: 'allow' },
    ],
    ['care without a recorded answer is allowed', prefs({}), 'post-procedure-check', { kind: 'allow' }],
  ])('%s', (_name, preferences, purpose, verdict) => {
    expect(judgeContact(preferences, purpose, TUESDAY_10, [], settings)).toEqual(verdict);
  });

  it('defers to the end of the quiet hours, across midnight', () => {
    expect(judgeContact(prefs({}), 'post-visit', shanghai('2027-03-02T22:30:00'), [], settings)).toEqual({
      kind: 'defer',
      until: shanghai('2027-03-03T08:00:00'),
      reason: 'quiet-hours',
    });
    expect(judgeContact(prefs({}), 'post-visit', shanghai('2027-03-03T07:59:00'), [], settings)).toMatchObject({
      until: shanghai('2027-03-03T08:00:00'),
    });
  });

  it('defers to the end of a personal do-not-disturb period on its weekdays only', () => {
    const lunch = prefs({ doNotDisturb: [{ from: '12:00', to: '14:30', daysOfWeek: [2] }] });
    expect(judgeContact(lunch, 'post-visit', shanghai('2027-03-02T12:10:00'), [], settings)).toEqual({
      kind: 'defer',
      until: shanghai('2027-03-02T14:30:00'),
      reason: 'do-not-disturb',
    });
    // 2027-03-03 is a Wednesday.
    expect(judgeContact(lunch, 'post-visit', shanghai('2027-03-03T12:10:00'), [], settings)).toEqual({ kind: 'allow' });
  });

  it('caps contacts per patient and defers until the oldest one leaves the window', () => {
    const day = 24 * 3600_000;
    const contacts = [1, 2, 3].map((d) => new Date(TUESDAY_10.getTime() - d * day)).reverse();
    expect(judgeContact(prefs({}), 'post-visit', TUESDAY_10, contacts, settings)).toEqual({
      kind: 'defer',
      until: new Date(contacts[0]!.getTime() + 7 * day),
      reason: 'frequency-cap',
    });
    expect(judgeContact(prefs({}), 'post-visit', TUESDAY_10, contacts.slice(1), settings)).toEqual({ kind: 'allow' });
  });
});
