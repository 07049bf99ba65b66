import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';
import { CHANNEL_CONFIG_DEPENDENCIES, channelsConfigProperties } from '../channels/channels.config';
import { outreachRulesConfigProperties } from './outreach-rules.config';
import { securityConfigProperties } from './security.config';
import { SMS_PROVIDER_REQUIREMENTS, smsProviderConfigProperties } from './sms-provider.config';

/** The outreach service's environment, validated once at boot (see `loadConfig`). */
export const outreachConfigSchema = Type.Object(
  {
    ...commonConfigProperties,
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
    ...securityConfigProperties,
    ...outreachRulesConfigProperties,
    ...channelsConfigProperties,
    ...smsProviderConfigProperties,
  },
  { dependencies: CHANNEL_CONFIG_DEPENDENCIES, allOf: SMS_PROVIDER_REQUIREMENTS },
);

export type OutreachConfig = Static<typeof outreachConfigSchema>;
