import { type Static } from '@sinclair/typebox';
import { StringEnum } from '../schema-kit';

export const OUTREACH_CHANNELS = ['sms', 'phone-agent', 'phone-robot', 'wechat-oa', 'wecom', 'questionnaire'] as const;

export const OutreachChannelSchema = StringEnum(OUTREACH_CHANNELS, {
  description:
    'How the patient is contacted: `sms`; `phone-agent` (a person calls); `phone-robot` (AI voice robot); ' +
    '`wechat-oa` (WeChat Official Account, 微信公众号); `wecom` (WeCom, 企业微信); `questionnaire` (electronic survey link).',
});
export type OutreachChannel = Static<typeof OutreachChannelSchema>;
