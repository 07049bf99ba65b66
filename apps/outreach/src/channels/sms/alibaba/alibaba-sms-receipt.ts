import { isRecord, stringField } from '../provider-http';
import { shanghaiTime } from '../provider-time';
import type { SmsDeliveryReceipt } from '../sms-channel';

/**
 * Parses an Alibaba Cloud SMS delivery report push (SmsReport, HTTP batch mode): a JSON array of
 * `{ phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id }`.
 * The provider expects `{"code":0,"msg":"成功"}` back (see `ALIBABA_RECEIPT_ACK`). Entries without a
 * `biz_id` cannot be linked to a message and are skipped; the phone number is not carried over.
 */
export const ALIBABA_RECEIPT_ACK = { code: 0, msg: '成功' } as const;

export function parseAlibabaReceipts(body: unknown): SmsDeliveryReceipt[] {
  if (!Array.isArray(body)) throw new TypeError('Alibaba SMS report must be a JSON array');
  const receipts: SmsDeliveryReceipt[] = [];
  for (const entry of body as unknown[]) {
    if (!isRecord(entry)) continue;
    const bizId = stringField(entry, 'biz_id');
    if (bizId === undefined || bizId === '') continue;
    const success = entry['success'];
    receipts.push({
      providerMessageId: bizId,
      delivered: success === true || success === 'true',
      statusCode: stringField(entry, 'err_code') ?? '',
      reportedAt: shanghaiTime(stringField(entry, 'report_time')),
      reference: emptyToUndefined(stringField(entry, 'out_id')),
    });
  }
  return receipts;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
