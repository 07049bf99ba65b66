import { parseAlibabaReceipts } from './alibaba-sms-receipt';

describe('parseAlibabaReceipts', () => {
  it('reads the documented SmsReport shape, success as boolean or string', () => {
    const receipts = parseAlibabaReceipts([
      {
        phone_number: '13900000000',
        send_time: '2017-01-01 11:12:13',
        report_time: '2017-02-02 22:23:24',
        success: true,
        err_code: 'DELIVERED',
        err_msg: '用户接收成功',
        sms_size: '1',
        biz_id: '12345^0',
        out_id: '67890',
      },
      { success: 'false', err_code: 'MK:0001', biz_id: '12346^0', out_id: '', report_time: 'garbled' },
      { success: true },
    ]);
    expect(receipts).toEqual([
      {
        providerMessageId: '12345^0',
        delivered: true,
        statusCode: 'DELIVERED',
        reportedAt: '2017-02-02T22:23:24+08:00',
        reference: '67890',
      },
      {
        providerMessageId: '12346^0',
        delivered: false,
        statusCode: 'MK:0001',
        reportedAt: undefined,
        reference: undefined,
      },
    ]);
    expect(JSON.stringify(receipts)).not.toContain('13900000000');
  });

  it('refuses a body that is not an array', () => {
    expect(() => parseAlibabaReceipts('[]')).toThrow(TypeError);
  });
});
