import { parseWechatEventPush } from './wechat-event-push';
import { checkWechatSignature, wechatSignature } from './wechat-signature';

const SHA1_OF_SORTED = '8906ca6f7d66ab45cd0511db22b8537c8eee3f3b';

describe('WeChat server signature', () => {
  const now = 1_795_000_000_000;
  const timestamp = String(now / 1000);

  it('is SHA-1 over token, timestamp and nonce sorted, as WeChat computes it', () => {
    // sha1('1795000000' + '582931' + 'revisit-token'), the three sorted as strings.
    expect(wechatSignature('revisit-token', timestamp, '582931')).toBe(SHA1_OF_SORTED);
    expect(wechatSignature('582931', 'revisit-token', timestamp)).toBe(SHA1_OF_SORTED);
  });

  it('accepts a correct signature and refuses a wrong token, altered nonce or a replay outside 5 minutes', () => {
    const signature = wechatSignature('revisit-token', timestamp, '582931');
    expect(checkWechatSignature('revisit-token', { signature, timestamp, nonce: '582931' }, now)).toBe('valid');
    expect(checkWechatSignature('other-token', { signature, timestamp, nonce: '582931' }, now)).toBe('bad-signature');
    expect(checkWechatSignature('revisit-token', { signature, timestamp, nonce: '582932' }, now)).toBe('bad-signature');
    expect(checkWechatSignature('revisit-token', { timestamp, nonce: '582931' }, now)).toBe('bad-signature');
    expect(checkWechatSignature('revisit-token', { signature, timestamp, nonce: '582931' }, now + 301_000)).toBe(
      'stale',
    );
  });
});

describe('WeChat event push', () => {
  const templateFinish = (status: string) =>
    '<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName>' +
    '<FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName><CreateTime>1395658920</CreateTime>' +
    '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>' +
    `<MsgID>2852960815512141827</MsgID><Status><![CDATA[${status}]]></Status></xml>`;

  it('maps template send results to dispositions, keeping the 64-bit MsgID exact', () => {
    expect(parseWechatEventPush(templateFinish('success'))).toEqual({
      kind: 'outcomes',
      outcomes: [
        {
          channel: 'wechat-oa',
          provider: 'wechat-oa',
          providerMessageId: '2852960815512141827',
          disposition: 'answered',
          providerStatus: 'success',
          occurredAt: '2014-03-24T19:02:00+08:00',
          talkSeconds: 0,
        },
      ],
    });
    const disposition = (status: string) => {
      const parsed = parseWechatEventPush(templateFinish(status));
      return parsed.kind === 'outcomes' ? parsed.outcomes[0]?.disposition : parsed.kind;
    };
    expect(disposition('failed:user block')).toBe('do-not-contact');
    expect(disposition('failed: system failed')).toBe('line-fault');
  });

  it('reads every entry of a subscribe-notice result', () => {
    const xml =
      '<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><FromUserName><![CDATA[otFpruAK8D]]></FromUserName>' +
      '<CreateTime>1620963428</CreateTime><MsgType><![CDATA[event]]></MsgType>' +
      '<Event><![CDATA[subscribe_msg_sent_event]]></Event><SubscribeMsgSentEvent>' +
      '<List><TemplateId><![CDATA[VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc]]></TemplateId>' +
      '<MsgID>1864323726461255680</MsgID><ErrorCode>0</ErrorCode><ErrorStatus><![CDATA[success]]></ErrorStatus></List>' +
      '<List><TemplateId><![CDATA[x]]></TemplateId><MsgID>1864323726461255681</MsgID><ErrorCode>43101</ErrorCode>' +
      '<ErrorStatus><![CDATA[failed:user refuse]]></ErrorStatus></List></SubscribeMsgSentEvent></xml>';
    const parsed = parseWechatEventPush(xml);
    expect(parsed.kind === 'outcomes' && parsed.outcomes.map((o) => [o.providerMessageId, o.disposition])).toEqual([
      ['1864323726461255680', 'answered'],
      ['1864323726461255681', 'unreachable'],
    ]);
  });

  it('ignores user messages and flags what is not a push', () => {
    const text =
      '<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1620963428</CreateTime>' +
      '<MsgType>text</MsgType><Content>你好</Content><MsgId>1</MsgId></xml>';
    expect(parseWechatEventPush(text)).toEqual({ kind: 'ignored' });
    expect(parseWechatEventPush('<html>')).toEqual({ kind: 'malformed' });
    expect(parseWechatEventPush(templateFinish('success').replace('1395658920', 'soon'))).toEqual({
      kind: 'malformed',
    });
  });
});
