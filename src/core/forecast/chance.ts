/**
 * A chance as people read it, never 0% or 100%: ten thousand simulated runs are not a certainty.
 *
 * @example formatChance(0.618) // '62%'
 * @example formatChance(1) // '>99%'
 * @example formatChance(0.004) // '<1%'
 */
export function formatChance(probability: number): string {
  if (probability >= 0.995) return '>99%';
  if (probability < 0.005) return '<1%';
  return `${Math.round(probability * 100)}%`;
}
