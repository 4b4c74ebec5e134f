// Tail probabilities the comparison tests need (Student t, chi-square, binomial ½), from the log-gamma
// function and the regularised incomplete beta and gamma functions, accurate to ~1e-14 (Lanczos g = 7,
// Lentz continued fractions as in Numerical Recipes).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 500;

/** ln Γ(x) for x > 0. */
export function computeLogGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - computeLogGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function computeStudentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return computeRegularisedBeta(df / (df + t * t), df / 2, 0.5);
}

/** Upper tail P(X ≥ x) of a chi-square with df degrees of freedom. */
export function computeChiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return computeUpperGamma(df / 2, x / 2);
}

/** P(K ≤ k) for K ~ Binomial(n, ½). */
export function computeBinomialHalfCdf(k: number, n: number): number {
  let total = 0;
  if (n <= 1000) {
    // Integer binomial coefficients are exact in doubles up to n ≈ 50, and scaling by 2^−n is exact too.
    let coefficient = 1, scale = 1;
    for (let i = 0; i < n; i++) scale /= 2;
    for (let i = 0; i <= k; i++) {
      total += coefficient * scale;
      coefficient = (coefficient * (n - i)) / (i + 1);
    }
    return Math.min(1, total);
  }
  for (let i = 0; i <= k; i++) total += Math.exp(computeLogGamma(n + 1) - computeLogGamma(i + 1) - computeLogGamma(n - i + 1) - n * Math.LN2);
  return Math.min(1, total);
}

/** I_x(a, b), the regularised incomplete beta function. */
export function computeRegularisedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(computeLogGamma(a + b) - computeLogGamma(a) - computeLogGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The continued fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
  if (x < (a + 1) / (a + b + 2)) return (front * continueBeta(x, a, b)) / a;
  return 1 - (front * continueBeta(1 - x, b, a)) / b;
}

function continueBeta(x: number, a: number, b: number): number {
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return h;
}

/** Q(a, x) = Γ(a, x) / Γ(a), the regularised upper incomplete gamma function. */
function computeUpperGamma(a: number, x: number): number {
  const logFront = -x + a * Math.log(x) - computeLogGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n <= MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  let b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return Math.exp(logFront) * h;
}
