import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** The analytics service's environment, validated once at boot (see `loadConfig`). */
export const analyticsConfigSchema = Type.Object({
  ...commonConfigProperties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3004 }),
  /** `iss` of the outreach sign-in service; without it every /v1 route answers 503 (fails closed). */
  AUTH_ISSUER: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_AUDIENCE: Type.String({ minLength: 1, default: 'revisit-outreach' }),
  /** The issuer's JWKS; defaults to `<AUTH_ISSUER>/.well-known/jwks.json`. */
  AUTH_JWKS_URL: Type.Optional(Type.String({ format: 'uri' })),
  /** How often each replica looks for a weekly summary to produce (it is due on Mondays). */
  WEEKLY_SUMMARY_POLL_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000 }),
  /** Local time on Monday from which last week's summary is produced, `HH:MM`. */
  /** TTF/OTF/TTC font with Chinese glyphs embedded into PDF reports (default: Debian fonts-wqy-microhei). */
  REPORT_FONT_PATH: Type.Optional(Type.String({ minLength: 1 })),
  WEEKLY_SUMMARY_AT: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '06:00' }),
});

export type AnalyticsConfig = Static<typeof analyticsConfigSchema>;
