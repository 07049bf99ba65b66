import * as iconv from 'iconv-lite';

/**
 * The ACK echoes MSH-18 and the sender's MSH-3/MSH-4, so it is written in the charset the message was read
 * with. ISO-2022-JP needs a stateful encoder we do not have; its ACKs go out as UTF-8 (their content is
 * ASCII unless the sender's application names are not).
 */
export function encodeAck(ack: string, charset: string | null): Buffer {
  switch (charset) {
    case 'gb18030':
    case 'big5':
    case 'euc-kr':
      return iconv.encode(ack, charset);
    case 'ascii':
    case 'latin1':
      return Buffer.from(ack, 'latin1');
    default:
      return Buffer.from(ack, 'utf8');
  }
}
