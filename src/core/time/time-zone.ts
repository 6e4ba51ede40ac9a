/**
 * IANA time zone validation backed by the runtime's ICU time zone database.
 *
 * Offsets ("+05:00") and abbreviations ("PST") are refused: deadlines are derived from a
 * named zone so that DST transitions are followed.
 *
 * @example canonicalTimeZone('europe/berlin') // 'Europe/Berlin'
 */
export function canonicalTimeZone(input: string): string | undefined {
  if (!/^(UTC|Etc\/[A-Za-z0-9+-]+|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/i.test(input)) return undefined;
  try {
    // Prefer the name as listed (ICU may resolve "Asia/Kolkata" to its legacy "Asia/Calcutta").
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    const listed = knownZones().get(input.toLowerCase());
    if (listed) return listed;
    // A valid alias the runtime does not list (newer names such as "Europe/Kyiv" on older ICU):
    // keep it as written when it is spelled like a zone name, else use the zone it resolves to.
    if (/^[A-Z][A-Za-z]*(\/[A-Z][A-Za-z0-9_+-]*)+$/.test(input)) return input;
    return knownZones().get(resolved.toLowerCase()) ?? resolved;
  } catch {
    return undefined;
  }
}

export function isValidTimeZone(input: string): boolean {
  return canonicalTimeZone(input) !== undefined;
}

let zoneIndex: Map<string, string> | undefined;
function knownZones(): Map<string, string> {
  if (!zoneIndex) {
    zoneIndex = new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
    zoneIndex.set('utc', 'UTC');
  }
  return zoneIndex;
}
