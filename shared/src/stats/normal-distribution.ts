// Coefficients of W. J. Cody's near-minimax rational approximations of the
// normal distribution function: Cody, "Rational Chebyshev approximations for
// the error function", Math. Comp. 23 (1969) 631-637, as published in his
// SPECFUN package (ACM TOMS Algorithm 715, 1993, routine ANORM), written here
// as the nearest doubles. They give about 18 significant digits in each of the
// three ranges below, so tail probabilities keep their relative precision down
// to ~1e-300, which Benjamini-Hochberg cut-offs for 100,000 cells
// (alpha k / m ~ 1e-7) need.

/** |x| <= 0.66291: Phi(x) = 1/2 + x A(x^2) / B(x^2). */
const NEAR_A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745] as const;
const NEAR_B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673] as const;
/** 0.66291 < y <= sqrt(32): Q(y) = exp(-y^2/2) C(y) / D(y). */
const MID_C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-08,
] as const;
const MID_D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
] as const;
/** sqrt(32) < y < 50: Q(y) = exp(-y^2/2) (1/sqrt(2 pi) - t P(t) / Q(t)) / y with t = 1/y^2. */
const FAR_P = [0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-05, 0.023073441764940174] as const;
const FAR_Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-05] as const;

const NEAR_LIMIT = 0.66291;
const MID_LIMIT = Math.sqrt(32);
/** Beyond this the upper tail is below the smallest double. */
const FAR_LIMIT = 50;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * exp(-y^2 / 2) without losing digits for large y: y^2 is split as s^2 + (y - s)(y + s)
 * with s = y rounded down to 1/16, so each exponent is computed exactly enough.
 */
function gaussianFactor(y: number): number {
  const s = Math.floor(y * 16) / 16;
  return Math.exp((-s * s) / 2) * Math.exp((-(y - s) * (y + s)) / 2);
}

/** Q(y) for 0.66291 < y <= sqrt(32). */
function midTail(y: number): number {
  let num = MID_C[8] * y;
  let den = y;
  for (let i = 0; i < 7; i += 1) {
    num = (num + MID_C[i]!) * y;
    den = (den + MID_D[i]!) * y;
  }
  return gaussianFactor(y) * ((num + MID_C[7]) / (den + MID_D[7]));
}

/** Q(y) for sqrt(32) < y < 50 (asymptotic form). */
function farTail(y: number): number {
  const t = 1 / (y * y);
  let num = FAR_P[5] * t;
  let den = t;
  for (let i = 0; i < 4; i += 1) {
    num = (num + FAR_P[i]!) * t;
    den = (den + FAR_Q[i]!) * t;
  }
  const ratio = (t * (num + FAR_P[4])) / (den + FAR_Q[4]);
  return (gaussianFactor(y) * (INV_SQRT_2PI - ratio)) / y;
}

/** Phi(x) - 1/2 for |x| <= 0.66291. */
function nearCentre(x: number): number {
  const t = x * x;
  let num = NEAR_A[4] * t;
  let den = t;
  for (let i = 0; i < 3; i += 1) {
    num = (num + NEAR_A[i]!) * t;
    den = (den + NEAR_B[i]!) * t;
  }
  return (x * (num + NEAR_A[3])) / (den + NEAR_B[3]);
}

/**
 * Upper-tail probability `Q(x) = P(Z > x)` of the standard normal
 * distribution, with full relative precision far into the tail
 * (Cody 1969 / SPECFUN ANORM, 1993). NaN gives NaN.
 * @example standardNormalUpperTail(1.959963984540054) // 0.025
 */
export function standardNormalUpperTail(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= NEAR_LIMIT) return 0.5 - nearCentre(x);
  const tail = y <= MID_LIMIT ? midTail(y) : y < FAR_LIMIT ? farTail(y) : 0;
  return x > 0 ? tail : 1 - tail;
}

/**
 * Cumulative distribution function `Phi(x) = P(Z <= x)` of the standard normal.
 * @example standardNormalCdf(-1.5) // 0.0668072012688581
 */
export function standardNormalCdf(x: number): number {
  return standardNormalUpperTail(-x);
}

/**
 * Two-sided p-value of a z-score, `P(|Z| >= |z|) = 2 Q(|z|)`.
 * @example twoSidedPValue(2.5758293035489004) // 0.01
 */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * standardNormalUpperTail(Math.abs(z)));
}
