import * as iconv from 'iconv-lite';
import { Hl7RejectionCode, Hl7RejectionError } from '../hl7v2.errors';
import { decodeBytes, declaredCharsets, resolveCharset } from './charset';

describe('charset selection from MSH-18', () => {
  it('reads MSH-18 repetitions, ignoring the empty default one', () => {
    expect(declaredCharsets('MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5||||||~ISO IR87||ISO 2022-1994')).toEqual([
      'ISO IR87',
    ]);
    expect(declaredCharsets('MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5||||||GB 18030-2000')).toEqual([
      'GB 18030-2000',
    ]);
  });

  it('decodes GB 18030 / GBK declared by Chinese HIS', () => {
    const raw = iconv.encode('PID|1||MRN1||张三', 'gb18030');
    for (const name of ['GB 18030-2000', 'GBK', 'gb2312', 'GB18030']) {
      const charset = resolveCharset(raw, [name]);
      expect(decodeBytes(raw, charset)).toBe('PID|1||MRN1||张三');
    }
  });

  it('prefers valid UTF-8 over a declared 8859/1 (a common mislabel) but keeps real Latin-1', () => {
    expect(resolveCharset(Buffer.from('en – dash', 'utf8'), ['8859/1'])).toBe('utf-8');
    expect(resolveCharset(Buffer.from('M\xdcLLER', 'latin1'), ['8859/1'])).toBe('latin1');
  });

  it('falls back to UTF-8, then GB 18030, when MSH-18 is empty', () => {
    expect(resolveCharset(Buffer.from('MÜLLER', 'utf8'), [])).toBe('utf-8');
    expect(resolveCharset(iconv.encode('王小明', 'gbk'), [])).toBe('gb18030');
    expect(resolveCharset(Buffer.from('ASCII'), [])).toBe('ascii');
    expect(resolveCharset(iconv.encode('王小明', 'gbk'), [], { undeclaredFallback: 'latin1' })).toBe('latin1');
  });

  it('rejects character sets we cannot decode', () => {
    const attempt = (): unknown => resolveCharset(Buffer.from('x'), ['UNICODE UTF-16']);
    expect(attempt).toThrow(Hl7RejectionError);
    try {
      attempt();
    } catch (error) {
      expect((error as Hl7RejectionError).code).toBe(Hl7RejectionCode.UNSUPPORTED_CHARSET);
    }
  });
});
