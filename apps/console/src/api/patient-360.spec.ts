import { toPatient360 } from './patient-360';

describe('patient 360 for the workbench', () => {
  it('shows the ideographic name, the first (masked) number, and history newest first', () => {
    const view = toPatient360({
      patientId: 'EP00012345',
      names: [
        { text: 'LIU SHUFANG', representation: 'alphabetic' },
        { text: '刘淑芳', representation: 'ideographic' },
      ],
      sex: 'female',
      birthDate: '1958-04-12',
      phones: [{ number: '138****5678' }, { number: '010****1234' }],
      tags: ['vip', 'do-not-disturb'],
      specialDates: [{ kind: 'birthday', date: '04-12' }],
      recentDispensings: [
        {
          drug: { code: 'C08CA01', name: '氨氯地平片 5mg' },
          quantity: { value: 2, unit: 'box' },
          sig: '每日1次 每次1片',
          dispensedAt: '2026-01-20T09:15:00+08:00',
        },
        {
          drug: { code: 'A10BA02' },
          dispensedAt: '2026-02-20T09:15:00+08:00',
          reversal: { reversedAt: '2026-02-21T10:00:00+08:00', fullReversal: true },
        },
      ],
      recentTreatments: [{ procedure: { code: 'EXT-01', display: '拔牙' }, performedAt: '2026-02-01T10:00:00+08:00' }],
      followUps: [
        {
          purpose: 'medication-adherence',
          status: 'completed',
          outcome: 'reached',
          dueAt: '2026-01-27T10:30:00+08:00',
          closedAt: '2026-01-27T10:41:00+08:00',
        },
        { purpose: 'refill-reminder', status: 'open', outcome: null, dueAt: '2026-03-01T10:30:00+08:00' },
      ],
    });
    expect(view.name).toBe('刘淑芳');
    expect(view.phone).toBe('138****5678');
    expect(view.tags).toEqual(['vip', 'do-not-disturb']);
    expect(view.recentDispensings).toEqual([
      { at: '2026-02-20T09:15:00+08:00', description: 'A10BA02', reversed: true },
      { at: '2026-01-20T09:15:00+08:00', description: '氨氯地平片 5mg × 2 box 每日1次 每次1片' },
    ]);
    expect(view.recentTreatments).toEqual([{ at: '2026-02-01T10:00:00+08:00', description: '拔牙' }]);
    expect(view.pastFollowUps.map((f) => [f.at, f.purpose])).toEqual([
      ['2026-03-01T10:30:00+08:00', 'refill-reminder'],
      ['2026-01-27T10:41:00+08:00', 'medication-adherence'],
    ]);
  });

  it('copes with a patient the service knows only by id (no demographics yet)', () => {
    expect(toPatient360({ patientId: 'EP1' })).toEqual({
      patientId: 'EP1',
      name: '—',
      tags: [],
      specialDates: [],
      recentDispensings: [],
      recentTreatments: [],
      pastFollowUps: [],
    });
  });
});
