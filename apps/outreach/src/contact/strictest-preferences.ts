import { type ContactPreferences, DEFAULT_PREFERENCES } from './contact-rules';

type Consent = ContactPreferences['consent']['care'];

// A withdrawal anywhere wins; an explicit grant only counts when nobody's record is unsure.
const CONSENT_STRICTNESS: Readonly<Record<Consent, number>> = { granted: 0, unknown: 1, withdrawn: 2 };

function stricter(a: Consent, b: Consent): Consent {
  return CONSENT_STRICTNESS[a] >= CONSENT_STRICTNESS[b] ? a : b;
}

/**
 * The preferences of a person known under several enterprise ids (after an EMPI merge): every stop flag and
 * every do-not-disturb period of any id holds, and per purpose the least permissive consent wins.
 */
export function strictestPreferences(all: readonly ContactPreferences[]): ContactPreferences {
  if (all.length === 0) return DEFAULT_PREFERENCES;
  if (all.length === 1) return all[0]!;
  const seen = new Set<string>();
  const doNotDisturb = all
    .flatMap((p) => p.doNotDisturb)
    .filter((period) => {
      const key = JSON.stringify(period);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    consent: {
      care: all.map((p) => p.consent.care).reduce(stricter),
      marketing: all.map((p) => p.consent.marketing).reduce(stricter),
    },
    doNotDisturb,
    doesNotWantFollowUp: all.some((p) => p.doesNotWantFollowUp),
    movedAway: all.some((p) => p.movedAway),
    deceased: all.some((p) => p.deceased),
  };
}
