import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';
import { CHANNEL_CONFIG_DEPENDENCIES, channelsConfigProperties } from '../channels/channels.config';
import { outreachRulesConfigProperties } from './outreach-rules.config';
import { securityConfigProperties } from './security.config';

/** The outreach service's environment, validated once at boot (see `loadConfig`). */
export const outreachConfigSchema = Type.Object(
  {
    ...commonConfigProperties,
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3003 }),
    ...securityConfigProperties,
    ...outreachRulesConfigProperties,
    ...channelsConfigProperties,
  },
  { dependencies: CHANNEL_CONFIG_DEPENDENCIES },
);

export type OutreachConfig = Static<typeof outreachConfigSchema>;
