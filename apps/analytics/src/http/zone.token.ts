/** The organisation time zone (IANA) local dates and weeks are cut in. */
export const ANALYTICS_ZONE = Symbol('ANALYTICS_ZONE');
