import { PATIENT_RETENTION_RATE, patientRetentionRate } from './retention-rate';
import { MetricErrorCode } from './metrics.errors';

describe('patientRetentionRate', () => {
  it('computes (PE - PN) / PS', () => {
    // Q1: 200 patients on 1 Jan (PS); 40 new during Q1 (PN); 210 on 31 Mar (PE).
    // Retained starters = 210 - 40 = 170; PRR = 170 / 200 = 0.85.
    expect(patientRetentionRate({ patientsAtStart: 200, patientsAtEnd: 210, newPatients: 40 })).toBe(0.85);
  });

  it('is null when nobody was on the books at the start', () => {
    expect(patientRetentionRate({ patientsAtStart: 0, patientsAtEnd: 5, newPatients: 5 })).toBeNull();
  });

  it('rejects more retained starters than starters', () => {
    // PE - PN = 12 > PS = 10 is impossible: the counts came from different populations.
    expect(() => patientRetentionRate({ patientsAtStart: 10, patientsAtEnd: 15, newPatients: 3 })).toThrow(
      expect.objectContaining({ code: MetricErrorCode.CountExceedsTotal }),
    );
  });

  it('rejects new patients above the end count and negative counts', () => {
    expect(() => patientRetentionRate({ patientsAtStart: 10, patientsAtEnd: 2, newPatients: 3 })).toThrow(
      expect.objectContaining({ code: MetricErrorCode.CountExceedsTotal }),
    );
    expect(() => patientRetentionRate({ patientsAtStart: -1, patientsAtEnd: 2, newPatients: 0 })).toThrow(
      expect.objectContaining({ code: MetricErrorCode.NegativeCount }),
    );
  });

  it('carries a definition in both languages', () => {
    expect(PATIENT_RETENTION_RATE.definition['zh-CN']).toContain('PRR');
    expect(PATIENT_RETENTION_RATE.definition.en).toContain('PRR');
  });
});
