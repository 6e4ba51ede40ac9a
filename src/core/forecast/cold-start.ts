/**
 * With too little history of their own, a builder's forecast borrows the error people typically make
 * when estimating software work. Reviews of estimation studies (Jørgensen, "A review of studies on
 * expert estimation of software development effort", 2004; Halkjelsvik & Jørgensen, 2012) find a
 * median overrun of about 30% and a long tail of tasks taking two or three times their estimate.
 * That is modelled as actual ÷ estimate following a log-normal distribution with median 1.3 and
 * σ = 0.5 (so the 90th percentile is about 2.5×), sampled at fixed quantiles: no randomness here.
 */

/** How many days of history make the builder's own pace the basis instead. */
export const COLD_START_DAYS = 5;

const MEDIAN_OVERRUN = 1.3;
const SIGMA = 0.5;
const QUANTILES = 40;

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((sum, coefficient) => sum * x + coefficient, 0);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/**
 * Velocities (estimate ÷ actual) spread as typical estimation error: what an `ebs` forecast samples
 * from until the builder has history.
 *
 * @example typicalVelocities().length // 40
 */
export function typicalVelocities(): number[] {
  return Array.from({ length: QUANTILES }, (_, i) => {
    const overrun = MEDIAN_OVERRUN * Math.exp(SIGMA * normalQuantile((i + 0.5) / QUANTILES));
    return 1 / overrun;
  });
}
