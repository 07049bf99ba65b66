/** The PostgreSQL schema owned by the scheduler service; no other service reads or writes it. */
export const SCHEDULER_SCHEMA = 'scheduler';
