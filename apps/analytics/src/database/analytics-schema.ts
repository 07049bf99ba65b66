/** The PostgreSQL schema owned by the analytics service; no other service reads or writes it. */
export const ANALYTICS_SCHEMA = 'analytics';
