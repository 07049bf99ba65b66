import { sha256Hex } from '../hashing';
import { computeTc3Signature, parseTc3Authorization, tc3Authorization } from './tc3-signature';

// The worked example of Tencent Cloud's "Signature v3" document (CVM DescribeInstances, 2019-02-25).
const documented = {
  method: 'POST',
  path: '/',
  query: '',
  headers: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  timestamp: 1551113065,
  service: 'cvm',
};

describe('TC3-HMAC-SHA256', () => {
  it('reproduces the documented payload hash, canonical request, string to sign and signature', () => {
    expect(sha256Hex(documented.payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    const signed = computeTc3Signature(documented, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n' +
        'content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(tc3Authorization('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', signed)).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('uses the UTC date in the scope (00:44 +08:00 on the 26th is still the 25th)', () => {
    expect(computeTc3Signature(documented, 'k').credentialScope).toBe('2019-02-25/cvm/tc3_request');
  });

  it('parses what it writes and rejects other schemes', () => {
    const signed = computeTc3Signature(documented, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    expect(parseTc3Authorization(tc3Authorization('AKIDx', signed))).toEqual({
      secretId: 'AKIDx',
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: signed.signature,
    });
    expect(parseTc3Authorization('ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00')).toBeUndefined();
  });
});
