import { randomUUID } from 'node:crypto';
import { type AnyEventEnvelope, newEvent } from '@revisit/domain';
import { addDays, shanghaiDate } from '../../src/format/shanghai-time';

/**
 * Satisfaction surveys answered two days ago (inside the dashboard's default "last 30 days"), in two
 * departments, with hand-worked figures:
 *   cardiology NPS 10 9 9 8 3: (3 promoters - 1 detractor) / 5 = +40.0; CSAT 5 5 4 3 2: 3 of 5 = 60.0 %
 *   stomatology NPS 10 6 5 7: (1 - 2) / 4 = -25.0;                      CSAT 4 4 1 5: 3 of 4 = 75.0 %
 *   both        NPS (4 - 3) / 9 = +11.1;                               CSAT 6 of 9 = 66.7 %
 */
export function surveyHistory(org: string): AnyEventEnvelope[] {
  const day = addDays(shanghaiDate(new Date()), -2);
  const answers: [string, number, number][] = [
    ['cardiology', 10, 5],
    ['cardiology', 9, 5],
    ['cardiology', 9, 4],
    ['cardiology', 8, 3],
    ['cardiology', 3, 2],
    ['stomatology', 10, 4],
    ['stomatology', 6, 4],
    ['stomatology', 5, 1],
    ['stomatology', 7, 5],
  ];
  return answers.map(([departmentCode, nps, csat], index) => {
    const patient = `EP-CONSOLE-${index + 1}`;
    return newEvent('revisit.outreach.survey-response-recorded.v1', {
      source: 'revisit/outreach',
      subject: patient,
      orgid: org,
      data: {
        responseId: randomUUID(),
        patientEnterpriseId: patient,
        orgId: org,
        surveyId: 'post-visit-satisfaction',
        surveyVersion: 1,
        channel: 'phone-agent',
        departmentCode,
        nps,
        csat,
        answers: {},
        respondedAt: `${day}T10:${String(10 + index).padStart(2, '0')}:00.000+08:00`,
      },
    }) as AnyEventEnvelope;
  });
}
