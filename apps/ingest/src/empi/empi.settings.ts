/** EMPI settings taken from the ingest config. */
export interface EmpiSettings {
  /** Tenant of every event ingest publishes (CloudEvents `orgid`). */
  readonly orgId: string;
  /** How often the feed stage looks for stored messages when it has nothing to do. */
  readonly pollIntervalMs: number;
}

export const EMPI_SETTINGS = Symbol('EMPI_SETTINGS');
