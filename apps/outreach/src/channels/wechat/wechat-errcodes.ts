import { ChannelErrorCode } from '../channel.errors';

/** Codes meaning "this access token is no longer good": refresh once and retry (WeChat and WeCom). */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/**
 * WeChat Official Account errcodes (全局返回码) for message sending, mapped to ours. Unlisted codes are
 * REJECTED: a new refusal reason must not be retried blindly.
 */
const WECHAT_OA: ReadonlyMap<number, ChannelErrorCode> = new Map([
  [-1, ChannelErrorCode.PROVIDER_UNAVAILABLE],
  [40001, ChannelErrorCode.AUTH_FAILED],
  [40014, ChannelErrorCode.AUTH_FAILED],
  [42001, ChannelErrorCode.AUTH_FAILED],
  [40013, ChannelErrorCode.AUTH_FAILED],
  [40125, ChannelErrorCode.AUTH_FAILED],
  [40164, ChannelErrorCode.AUTH_FAILED],
  [40003, ChannelErrorCode.INVALID_RECIPIENT],
  [43004, ChannelErrorCode.RECIPIENT_UNREACHABLE],
  [43101, ChannelErrorCode.RECIPIENT_UNREACHABLE],
  [43019, ChannelErrorCode.RECIPIENT_OPTED_OUT],
  [40037, ChannelErrorCode.TEMPLATE_REJECTED],
  [47003, ChannelErrorCode.TEMPLATE_REJECTED],
  [45009, ChannelErrorCode.RATE_LIMITED],
  [45011, ChannelErrorCode.RATE_LIMITED],
  [45047, ChannelErrorCode.RATE_LIMITED],
]);

/** WeCom (企业微信) errcodes for external-contact messaging. In `gettoken`, 40001 means a wrong corpsecret. */
const WECOM: ReadonlyMap<number, ChannelErrorCode> = new Map([
  [-1, ChannelErrorCode.PROVIDER_UNAVAILABLE],
  [40001, ChannelErrorCode.AUTH_FAILED],
  [40013, ChannelErrorCode.AUTH_FAILED],
  [40014, ChannelErrorCode.AUTH_FAILED],
  [42001, ChannelErrorCode.AUTH_FAILED],
  [60020, ChannelErrorCode.AUTH_FAILED],
  [40003, ChannelErrorCode.REJECTED],
  [40096, ChannelErrorCode.INVALID_RECIPIENT],
  [84061, ChannelErrorCode.RECIPIENT_UNREACHABLE],
  [41048, ChannelErrorCode.RECIPIENT_UNREACHABLE],
  [40058, ChannelErrorCode.TEMPLATE_REJECTED],
  [45009, ChannelErrorCode.RATE_LIMITED],
  [45033, ChannelErrorCode.RATE_LIMITED],
]);

export function wechatErrorCode(errcode: number): ChannelErrorCode {
  return WECHAT_OA.get(errcode) ?? ChannelErrorCode.REJECTED;
}

export function wecomErrorCode(errcode: number): ChannelErrorCode {
  return WECOM.get(errcode) ?? ChannelErrorCode.REJECTED;
}
