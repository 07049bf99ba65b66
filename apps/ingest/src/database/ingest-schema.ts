/** The PostgreSQL schema owned by the ingest service; no other service reads or writes it. */
export const INGEST_SCHEMA = 'ingest';
