let zones: string[] | undefined;

/** Every IANA time zone the browser knows, with UTC first. */
export function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones;
}

/** The browser's time zone when it is a real IANA name, else UTC (some systems answer `Etc/Unknown`). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZones().includes(zone) ? zone : 'UTC';
}

/** The zones to offer in a select, making sure `current` is among them even if the browser lacks it. */
export function timeZoneOptions(current: string): string[] {
  const all = timeZones();
  return all.includes(current) ? all : [current, ...all];
}

/**
 * An instant as a date and time in the person's zone.
 *
 * @example formatInstant('2025-03-01T09:00:00.000Z', 'Europe/Berlin') // 'Mar 1, 2025, 10:00'
 */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** Only same-site paths may be a `?next=` target; anything else would be an open redirect. */
export function safeNext(next: string | null, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
