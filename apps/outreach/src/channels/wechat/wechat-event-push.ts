import { XMLParser } from 'fast-xml-parser';
import type { ChannelOutcome, Disposition } from '../channel.port';
import { WECHAT_OA_PROVIDER } from './wechat-oa-token';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Ids stay text: MsgID exceeds 2^53.
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'List',
});

/** `TEMPLATESENDJOBFINISH` statuses (模板消息发送结果通知). */
const TEMPLATE_STATUS: Readonly<Record<string, Disposition>> = {
  success: 'answered',
  'failed:user block': 'do-not-contact',
  'failed: system failed': 'line-fault',
};

/** `subscribe_msg_sent_event` error codes (订阅通知发送结果); any other failure is on the platform's side. */
const SUBSCRIBE_ERROR: Readonly<Record<string, Disposition>> = {
  '0': 'answered',
  '43101': 'unreachable',
  '43019': 'do-not-contact',
};

export type WechatPushParse =
  | { readonly kind: 'outcomes'; readonly outcomes: readonly ChannelOutcome[] }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'malformed' };

/**
 * Reads a plaintext (明文/兼容模式) event push. Only send-result events produce outcomes; user messages and
 * other events are acknowledged and ignored, as this account is used for notices only.
 */
export function parseWechatEventPush(xml: string): WechatPushParse {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return { kind: 'malformed' };
  }
  const root = (document as { xml?: Record<string, unknown> } | undefined)?.xml;
  if (root === undefined || typeof root !== 'object') return { kind: 'malformed' };
  const event = text(root['Event']);
  const occurredAt = wechatTime(text(root['CreateTime']));
  if (occurredAt === undefined) return { kind: 'malformed' };
  if (event === 'TEMPLATESENDJOBFINISH') {
    const msgId = text(root['MsgID']);
    const status = text(root['Status']);
    if (msgId === undefined || status === undefined) return { kind: 'malformed' };
    return {
      kind: 'outcomes',
      outcomes: [outcome(msgId, TEMPLATE_STATUS[status] ?? 'line-fault', status, occurredAt)],
    };
  }
  if (event === 'subscribe_msg_sent_event') {
    const list = (root['SubscribeMsgSentEvent'] as { List?: unknown[] } | undefined)?.List ?? [];
    const outcomes: ChannelOutcome[] = [];
    for (const entry of list) {
      const item = entry as Record<string, unknown>;
      const msgId = text(item['MsgID']);
      const code = text(item['ErrorCode']);
      if (msgId === undefined || code === undefined) return { kind: 'malformed' };
      const status = text(item['ErrorStatus']) ?? code;
      outcomes.push(outcome(msgId, SUBSCRIBE_ERROR[code] ?? 'line-fault', status, occurredAt));
    }
    return outcomes.length === 0 ? { kind: 'malformed' } : { kind: 'outcomes', outcomes };
  }
  return { kind: 'ignored' };
}

function outcome(msgId: string, disposition: Disposition, status: string, occurredAt: string): ChannelOutcome {
  return {
    channel: 'wechat-oa',
    provider: WECHAT_OA_PROVIDER,
    providerMessageId: msgId,
    disposition,
    providerStatus: status.slice(0, 64),
    occurredAt,
    talkSeconds: 0,
  };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `CreateTime` is Unix seconds; rendered in China Standard Time like every time we emit. */
function wechatTime(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{9,11}$/.test(value)) return undefined;
  const shifted = new Date(Number(value) * 1000 + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}
