import { DateTime } from 'luxon';

/** The next day's call slot in the organisation's zone: the time an SMS notice proposes for the next call. */
export function nextCallSlot(after: Date, slot: string, zone: string): Date {
  const [hour, minute] = slot.split(':').map(Number);
  return DateTime.fromJSDate(after, { zone })
    .plus({ days: 1 })
    .set({ hour: hour ?? 10, minute: minute ?? 30, second: 0, millisecond: 0 })
    .toJSDate();
}

const PURPOSE_LABELS: Readonly<Record<string, string>> = {
  'medication-adherence': '用药随访',
  'refill-reminder': '续药提醒',
  'post-procedure-check': '术后回访',
  'post-discharge': '出院随访',
  'post-visit': '就诊回访',
  'missed-appointment': '复诊提醒',
  'appointment-reminder': '预约提醒',
  'return-visit-invitation': '复诊邀请',
  'chronic-review': '慢病随访',
  'satisfaction-survey': '满意度回访',
  'seasonal-care': '节日关怀',
  'special-date-greeting': '关怀问候',
  'complaint-callback': '医生回电',
};

/** The purpose as the patient reads it in an SMS (zh-CN; templates are approved in Chinese). */
export function purposeLabel(purpose: string): string {
  return PURPOSE_LABELS[purpose] ?? '健康回访';
}

export function noticeTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('M月d日 HH:mm');
}
