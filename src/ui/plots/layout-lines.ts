// The geometry of a small line chart drawn as SVG (the live training curve): scales, polyline points and a few
// axis ticks, in pixels. Pure, so the chart component only draws what this returns.

/** One named line; points with a non-finite y are left out. */
export interface Line {
  name: string;
  x: readonly number[];
  y: readonly number[];
}

/** Space around the plotting area, px. */
export interface Margin {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the chart draws: one SVG `points` string per line, and the tick positions and labels of both axes. */
export interface LinesLayout {
  paths: { name: string; points: string }[];
  xTicks: { at: number; label: string }[];
  yTicks: { at: number; label: string }[];
}

/** Short tick text: up to 4 significant digits, no trailing zeros ("0.6931", "1200", "1.5e-5"). */
export function formatTick(value: number): string {
  // At most ~7 characters: the y axis leaves 52 px for its labels (0.0004242 was cut to "0004242").
  if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(2).replace(/\.?0+e/, 'e');
  return Number(value.toPrecision(4)).toString();
}

function extent(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** Lays out `lines` in a `width` × `height` px box; x and y ranges span every finite point (a flat line gets ±1). */
export function layoutLines(lines: readonly Line[], width: number, height: number, margin: Margin): LinesLayout {
  const finite = lines.map((line) => line.x.map((x, i) => [x, line.y[i]] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  const all = finite.flat();
  if (all.length === 0) return { paths: [], xTicks: [], yTicks: [] };
  const [x0, x1] = extent(all.map(([x]) => x));
  const [y0, y1] = extent(all.map(([, y]) => y));
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const plotHeight = Math.max(1, height - margin.top - margin.bottom);
  const px = (x: number) => margin.left + ((x - x0) / (x1 - x0)) * plotWidth;
  const py = (y: number) => margin.top + (1 - (y - y0) / (y1 - y0)) * plotHeight;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    paths: lines.map((line, i) => ({ name: line.name, points: finite[i].map(([x, y]) => `${round(px(x))},${round(py(y))}`).join(' ') })),
    xTicks: [x0, x1].map((x) => ({ at: round(px(x)), label: formatTick(x) })),
    yTicks: [y0, (y0 + y1) / 2, y1].map((y) => ({ at: round(py(y)), label: formatTick(y) })),
  };
}
