import * as iconv from 'iconv-lite';
import { encodeAck } from './ack-bytes';

describe('encodeAck', () => {
  const ack = 'MSH|^~\\&|REVISIT|FU|医院信息系统|仁济|20240301081500+0000||ACK^A01^ACK|A1|P|2.5';

  it('writes a GB 18030 message ACK in GB 18030, readable back by the sender', () => {
    const bytes = encodeAck(ack, 'gb18030');
    expect(bytes.equals(Buffer.from(ack, 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'gb18030')).toBe(ack);
  });

  it('writes UTF-8 for UTF-8 messages and when the charset is unknown', () => {
    expect(encodeAck(ack, 'utf-8').toString('utf8')).toBe(ack);
    expect(encodeAck(ack, null).toString('utf8')).toBe(ack);
  });

  it('writes one byte per character for ASCII and Latin-1 messages', () => {
    expect(encodeAck('MSA|AA|Ü1', 'latin1')).toEqual(
      Buffer.from([...'MSA|AA|'].map((c) => c.charCodeAt(0)).concat([0xdc, 0x31])),
    );
  });
});
