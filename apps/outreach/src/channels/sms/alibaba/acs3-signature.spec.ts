import { acs3Authorization, acsPercentEncode, canonicalQueryString, computeAcs3Signature } from './acs3-signature';

// The worked example of Alibaba Cloud's "Request syntax and signature method V3" document (ECS RunInstances).
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const documented = {
  method: 'POST',
  path: '/',
  query: [
    ['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'],
    ['RegionId', 'cn-shanghai'],
  ] as const,
  headers: {
    host: 'ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action': 'RunInstances',
    'x-acs-version': '2014-05-26',
    'x-acs-date': '2023-10-26T10:22:32Z',
    'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  },
  payloadHash: EMPTY_BODY_SHA256,
};

describe('ACS3-HMAC-SHA256', () => {
  it('reproduces the documented canonical request, hash and signature', () => {
    const signed = computeAcs3Signature(documented, 'YourAccessKeySecret');
    expect(signed.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n' +
          `x-acs-content-sha256:${EMPTY_BODY_SHA256}\nx-acs-date:2023-10-26T10:22:32Z\n` +
          'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_BODY_SHA256,
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    );
    expect(acs3Authorization('YourAccessKeyId', signed)).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,' +
        'SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,' +
        'Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('changes when the secret or any signed part changes', () => {
    const base = computeAcs3Signature(documented, 'YourAccessKeySecret').signature;
    expect(computeAcs3Signature(documented, 'OtherSecret').signature).not.toBe(base);
    const otherQuery = { ...documented, query: [['RegionId', 'cn-beijing']] as const };
    expect(computeAcs3Signature(otherQuery, 'YourAccessKeySecret').signature).not.toBe(base);
  });

  it('percent-encodes per RFC 3986 and sorts by encoded key', () => {
    expect(acsPercentEncode('a b*c~d/e!')).toBe('a%20b%2Ac~d%2Fe%21');
    expect(acsPercentEncode('{"code":"1"}')).toBe('%7B%22code%22%3A%221%22%7D');
    expect(
      canonicalQueryString([
        ['b', '2'],
        ['a', '1'],
        ['A', '0'],
      ]),
    ).toBe('A=0&a=1&b=2');
  });
});
