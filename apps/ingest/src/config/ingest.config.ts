import { commonConfigProperties } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** The ingest service's environment, validated once at boot (see `loadConfig`). */
export const ingestConfigSchema = Type.Object({
  ...commonConfigProperties,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3001 }),
  // The HL7 v2 MLLP listener's port (the listener itself lives in the hl7v2 feature).
  MLLP_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 2575 }),
});

export type IngestConfig = Static<typeof ingestConfigSchema>;
