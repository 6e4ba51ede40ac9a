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
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    return knownZones().get(resolved.toLowerCase()) ?? knownZones().get(input.toLowerCase()) ?? resolved;
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
