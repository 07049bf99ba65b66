import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/**
 * The zone to compute in. A zone whose UTC offset has not changed around `now` (Asia/Shanghai has had
 * none since 1991) is replaced by the equivalent fixed offset: same results, without the Intl lookup
 * luxon does for every IANA date computation (the single largest cost of a derivation).
 */
export function computationZone(name: string, now: DateTime): Zone {
  const key = `${name}|${now.year}`;
  let zone = ZONE_CACHE.get(key);
  if (!zone) {
    zone = resolveZone(name, now);
    ZONE_CACHE.set(key, zone);
  }
  return zone;
}

const ZONE_CACHE = new Map<string, Zone>();

function resolveZone(name: string, now: DateTime): Zone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) return zone;
  const offsets = new Set<number>();
  for (let year = now.year - 2; year <= now.year + 3; year++) {
    for (const month of [1, 4, 7, 10]) {
      offsets.add(zone.offset(DateTime.utc(year, month, 1).toMillis()));
    }
  }
  const [only] = [...offsets];
  return offsets.size === 1 && only !== undefined ? FixedOffsetZone.instance(only) : zone;
}
