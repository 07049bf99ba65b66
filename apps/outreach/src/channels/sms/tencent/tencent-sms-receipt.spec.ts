import { parseTencentReceipts } from './tencent-sms-receipt';

describe('parseTencentReceipts', () => {
  it('reads the documented callback shape and drops the phone number', () => {
    const receipts = parseTencentReceipts([
      {
        user_receive_time: '2015-10-17 08:03:04',
        nationcode: '86',
        mobile: '13900000000',
        report_status: 'SUCCESS',
        errmsg: 'DELIVRD',
        description: '用户短信送达成功',
        sid: '2433:1045710669157053657849499619',
      },
      { report_status: 'SUCCESS' },
    ]);
    expect(receipts).toEqual([
      {
        providerMessageId: '2433:1045710669157053657849499619',
        delivered: true,
        statusCode: 'DELIVRD',
        reportedAt: '2015-10-17T08:03:04+08:00',
        reference: undefined,
      },
    ]);
    expect(JSON.stringify(receipts)).not.toContain('13900000000');
  });

  it('refuses a body that is not an array', () => {
    expect(() => parseTencentReceipts({ sid: 'x' })).toThrow(TypeError);
  });
});
