import { isRecord, stringField } from '../provider-http';
import type { SmsDeliveryReceipt } from '../sms-channel';
import { shanghaiTime } from '../provider-time';

/**
 * Parses a Tencent Cloud SMS delivery receipt callback (短信下发状态回调): a JSON array of
 * `{ user_receive_time, nationcode, mobile, report_status, errmsg, description, sid }` where
 * `report_status` is `SUCCESS` or `FAIL` and `sid` is the `SerialNo` returned by SendSms. The provider
 * expects `{"result":0,"errmsg":"OK"}` back. The phone number is not carried over.
 */
export const TENCENT_RECEIPT_ACK = { result: 0, errmsg: 'OK' } as const;

export function parseTencentReceipts(body: unknown): SmsDeliveryReceipt[] {
  if (!Array.isArray(body)) throw new TypeError('Tencent SMS status callback must be a JSON array');
  const receipts: SmsDeliveryReceipt[] = [];
  for (const entry of body as unknown[]) {
    if (!isRecord(entry)) continue;
    const sid = stringField(entry, 'sid');
    if (sid === undefined || sid === '') continue;
    receipts.push({
      providerMessageId: sid,
      delivered: stringField(entry, 'report_status') === 'SUCCESS',
      statusCode: stringField(entry, 'errmsg') ?? '',
      reportedAt: shanghaiTime(stringField(entry, 'user_receive_time')),
      reference: undefined,
    });
  }
  return receipts;
}
