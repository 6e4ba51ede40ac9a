/**
 * The treemap's colour for a coverage: a sequential scale from red (nobody understands it) through
 * amber to green (all of it is understood). Colour is never the only signal: cells also carry their
 * percentage, and cells with un-understood lines are hatched.
 */

const STOPS: readonly [number, readonly [number, number, number]][] = [
  [0, [0xb7, 0x1c, 0x1c]],
  [0.25, [0xe0, 0x5a, 0x2b]],
  [0.5, [0xf0, 0xb1, 0x3b]],
  [0.75, [0x9c, 0xc3, 0x5a]],
  [1, [0x2e, 0x7d, 0x46]],
];

const hex = (value: number) => Math.round(value).toString(16).padStart(2, '0');

/**
 * @example coverageColor(0) // '#b71c1c'
 * @example coverageColor(1) // '#2e7d46'
 */
export function coverageColor(coverage: number): string {
  const share = Number.isFinite(coverage) ? Math.min(1, Math.max(0, coverage)) : 0;
  for (let index = 1; index < STOPS.length; index++) {
    const [to, high] = STOPS[index]!;
    if (share > to) continue;
    const [from, low] = STOPS[index - 1]!;
    const t = to === from ? 0 : (share - from) / (to - from);
    return `#${low.map((channel, i) => hex(channel + (high[i]! - channel) * t)).join('')}`;
  }
  const last = STOPS.at(-1)![1];
  return `#${last.map(hex).join('')}`;
}

/** Dark ink on light fills, white on dark ones (WCAG relative luminance). */
export function inkOn(fill: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!match) return '#1b1f24';
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const channel = Number.parseInt(part ?? '0', 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // The contrast with black beats the contrast with white above about 0.18.
  return luminance > 0.18 ? '#1b1f24' : '#ffffff';
}

/** The stops, for a legend: [coverage, colour]. */
export function legendStops(count = 5): [number, string][] {
  return Array.from({ length: count }, (_, i) => {
    const share = i / (count - 1);
    return [share, coverageColor(share)];
  });
}
