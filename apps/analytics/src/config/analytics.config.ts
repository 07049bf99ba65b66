import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** The analytics service's environment, validated once at boot (see `loadConfig`). */
export const analyticsConfigSchema = Type.Object({
  ...commonConfigProperties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3004 }),
});

export type AnalyticsConfig = Static<typeof analyticsConfigSchema>;
