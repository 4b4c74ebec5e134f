// Counters, gauges and histograms written in the Prometheus text exposition format (version 0.0.4) by hand, so the
// service keeps no dependency: HELP and TYPE lines, label values escaped, histograms as cumulative `_bucket{le}`
// series with `_sum` and `_count`.

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

export interface Counter {
  /** Adds `by` (default 1) to the series named by `labels`. */
  inc(labels?: Labels, by?: number): void;
  /** The series' current value (0 when it was never touched). */
  read(labels?: Labels): number;
}

export interface Histogram {
  /** Counts `value` in its bucket (values are in the family's unit, e.g. seconds). */
  observe(labels: Labels, value: number): void;
}

export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  /** A gauge read when the metrics are rendered: `read` returns [labels, value] pairs. */
  gauge(name: string, help: string, read: () => [Labels, number][]): void;
  /** `bucketsUpper`: ascending upper bounds; the +Inf bucket is added. */
  histogram(name: string, help: string, bucketsUpper: readonly number[]): Histogram;
  /** The whole exposition, '\n'-terminated (content type `text/plain; version=0.0.4`). */
  render(): string;
}

/** A label value as the text format wants it: backslash, double quote and newline escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const formatLabels = (labels: Labels) => {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
};
const formatValue = (value: number) => (Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN');
// Series are keyed by their label text, which is already unique per label set in a stable key order.
const keyOf = (labels: Labels) => formatLabels(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));

export function createMetricsRegistry(): MetricsRegistry {
  const families: Family[] = [];
  return {
    counter(name, help) {
      const series = new Map<string, { labels: Labels; value: number }>();
      families.push({ name, help, type: 'counter', render: () => [...series.values()].map((s) => `${name}${formatLabels(s.labels)} ${formatValue(s.value)}`) });
      return {
        inc(labels = {}, by = 1) {
          const key = keyOf(labels);
          const found = series.get(key);
          if (found) found.value += by;
          else series.set(key, { labels: { ...labels }, value: by });
        },
        read: (labels = {}) => series.get(keyOf(labels))?.value ?? 0,
      };
    },
    gauge(name, help, read) {
      families.push({ name, help, type: 'gauge', render: () => read().map(([labels, value]) => `${name}${formatLabels(labels)} ${formatValue(value)}`) });
    },
    histogram(name, help, bucketsUpper) {
      const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      families.push({ name, help, type: 'histogram', render: () => [...series.values()].flatMap((s) => renderHistogram(name, s, bucketsUpper)) });
      return {
        observe(labels, value) {
          const key = keyOf(labels);
          let found = series.get(key);
          if (!found) series.set(key, (found = { labels: { ...labels }, counts: new Array<number>(bucketsUpper.length).fill(0), sum: 0, count: 0 }));
          const bucket = bucketsUpper.findIndex((upper) => value <= upper);
          if (bucket >= 0) found.counts[bucket]++;
          found.sum += value;
          found.count++;
        },
      };
    },
    render() {
      const lines = families.flatMap((family) => [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`, ...family.render()]);
      return `${lines.join('\n')}\n`;
    },
  };
}

/** Buckets are counted per bound and made cumulative here, when rendered, not on every observation. */
function renderHistogram(name: string, series: { labels: Labels; counts: number[]; sum: number; count: number }, bucketsUpper: readonly number[]): string[] {
  let cumulative = 0;
  const lines = bucketsUpper.map((upper, i) => {
    cumulative += series.counts[i];
    return `${name}_bucket${formatLabels({ ...series.labels, le: formatValue(upper) })} ${cumulative}`;
  });
  lines.push(`${name}_bucket${formatLabels({ ...series.labels, le: '+Inf' })} ${series.count}`);
  lines.push(`${name}_sum${formatLabels(series.labels)} ${formatValue(series.sum)}`, `${name}_count${formatLabels(series.labels)} ${series.count}`);
  return lines;
}
