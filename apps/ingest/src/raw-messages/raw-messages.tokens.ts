/** Injection token for the `ReceiveOptions` (zone, ACK sender names) built from the app config. */
export const INGEST_RECEIVE_OPTIONS = Symbol('INGEST_RECEIVE_OPTIONS');
