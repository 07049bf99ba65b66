import * as iconv from 'iconv-lite';
import { encodeIso2022Jp } from '../hl7v2/encoding/iso-2022-jp-encoder';

/**
 * The ACK echoes MSH-18 and the sender's MSH-3/MSH-4, so it is written in the charset the message was read
 * with; the sender decodes our answer with the charset it declared.
 */
export function encodeAck(ack: string, charset: string | null): Buffer {
  switch (charset) {
    case 'gb18030':
    case 'big5':
    case 'euc-kr':
      return iconv.encode(ack, charset);
    case 'iso-2022-jp':
      return encodeIso2022Jp(ack);
    case 'ascii':
    case 'latin1':
      return Buffer.from(ack, 'latin1');
    default:
      return Buffer.from(ack, 'utf8');
  }
}
