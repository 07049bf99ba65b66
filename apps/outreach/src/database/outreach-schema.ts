/** The PostgreSQL schema owned by the outreach service; no other service reads or writes it. */
export const OUTREACH_SCHEMA = 'outreach';
