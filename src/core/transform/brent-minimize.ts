// Brent's scalar minimiser ported line for line from SciPy 1.10 (optimize.brent with a two-point bracket),
// so Yeo–Johnson λ matches scikit-learn's PowerTransformer to the last iterate.

/** The x minimising `f`, starting from the bracket search at (xa, xb); tolerance 1.48e-8 like SciPy. */
export function minimizeBrent(f: (x: number) => number, xa: number, xb: number, tol = 1.48e-8, maxIterations = 500): number {
  const [a0, b0, c0, , fb0] = findBracket(f, xa, xb);
  let a = Math.min(a0, c0);
  let b = Math.max(a0, c0);
  let x = b0;
  let w = b0;
  let v = b0;
  let fx = fb0;
  let fw = fb0;
  let fv = fb0;
  let deltax = 0;
  let rat = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const tol1 = tol * Math.abs(x) + 1e-11;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x; // golden section step
      rat = 0.381966 * deltax;
    } else {
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2 * (tmp2 - tmp1);
      if (tmp2 > 0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = (p * 1) / tmp2; // parabolic step
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = 0.381966 * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = f(u);
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        [v, w, fv, fw] = [w, u, fw, fu];
      } else if (fu <= fv || v === x || v === w) {
        [v, fv] = [u, fu];
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      [v, w, x, fv, fw, fx] = [w, x, u, fw, fx, fu];
    }
  }
  return x;
}

/** SciPy optimize.bracket: returns [xa, xb, xc, fa, fb, fc] with f(xb) below both ends. */
export function findBracket(f: (x: number) => number, xa0: number, xb0: number): [number, number, number, number, number, number] {
  const gold = 1.618034;
  const growLimit = 110;
  let xa = xa0;
  let xb = xb0;
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) [xa, xb, fa, fb] = [xb, xa, fb, fa];
  let xc = xb + gold * (xb - xa);
  let fc = f(xc);
  let iterations = 0;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < 1e-21 ? 2 * 1e-21 : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iterations++ > 1000) throw new Error('Too many iterations in bracket search.');
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        return [xb, w, xc, fb, fw, fc];
      } else if (fw > fb) {
        return [xa, xb, w, fa, fb, fw];
      }
      w = xc + gold * (xc - xb);
      fw = f(w);
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + gold * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
      }
    } else {
      w = xc + gold * (xc - xb);
      fw = f(w);
    }
    [xa, xb, xc, fa, fb, fc] = [xb, xc, w, fb, fc, fw];
  }
  return [xa, xb, xc, fa, fb, fc];
}
