import * as iconv from 'iconv-lite';
import { encodeAck } from './ack-bytes';
import { decodeIso2022Jp } from '../hl7v2/encoding/iso-2022-jp';

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

describe('encodeAck for SS-MIX2 senders', () => {
  it('writes an ISO-2022-JP message ACK in ISO-2022-JP, 7-bit and readable back by the sender', () => {
    const ack = 'MSH|^~\\&|REVISIT|FU|電子カルテ|ｶﾅ病院|20240301081500+0000||ACK^A01^ACK|A1|P|2.5||||||ISO IR87';
    const bytes = encodeAck(ack, 'iso-2022-jp');
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(bytes.includes(Buffer.from([0x1b, 0x24, 0x42]))).toBe(true);
    expect(decodeIso2022Jp(bytes)).toBe(ack);
  });

  it('returns to ASCII before the end so the next segment starts in ASCII', () => {
    const bytes = encodeAck('MSA|AA|患者', 'iso-2022-jp');
    expect([...bytes.subarray(-3)]).toEqual([0x1b, 0x28, 0x42]);
  });
});
