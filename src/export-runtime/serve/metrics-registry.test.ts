// The hand-written exposition: whole text for a small registry (HELP/TYPE lines, escaped label values, cumulative
// buckets with +Inf, _sum and _count), as the Prometheus text format 0.0.4 specifies it.

import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, escapeLabelValue } from './metrics-registry';

describe('createMetricsRegistry', () => {
  it('renders counters, gauges and histograms in the text format', () => {
    const registry = createMetricsRegistry();
    const requests = registry.counter('app_requests_total', 'Requests.\nBy route.');
    requests.inc({ route: '/predict', status: '200' });
    requests.inc({ status: '200', route: '/predict' }, 2); // the same series whatever the key order
    requests.inc({ route: 'a "quoted"\\path\n', status: '404' });
    registry.gauge('app_memory_bytes', 'Memory.', () => [[{}, 1024]]);
    const latency = registry.histogram('app_seconds', 'Latency.', [0.1, 1]);
    latency.observe({ route: '/x' }, 0.05);
    latency.observe({ route: '/x' }, 0.5);
    latency.observe({ route: '/x' }, 7);
    expect(requests.read({ route: '/predict', status: '200' })).toBe(3);
    expect(registry.render()).toBe([
      '# HELP app_requests_total Requests.\\nBy route.',
      '# TYPE app_requests_total counter',
      'app_requests_total{route="/predict",status="200"} 3',
      'app_requests_total{route="a \\"quoted\\"\\\\path\\n",status="404"} 1',
      '# HELP app_memory_bytes Memory.',
      '# TYPE app_memory_bytes gauge',
      'app_memory_bytes 1024',
      '# HELP app_seconds Latency.',
      '# TYPE app_seconds histogram',
      'app_seconds_bucket{route="/x",le="0.1"} 1',
      'app_seconds_bucket{route="/x",le="1"} 2',
      'app_seconds_bucket{route="/x",le="+Inf"} 3',
      'app_seconds_sum{route="/x"} 7.55',
      'app_seconds_count{route="/x"} 3',
      '',
    ].join('\n'));
  });

  it('escapes backslash, double quote and newline in label values only', () => {
    expect(escapeLabelValue('C:\\dir "x"\nnext\tend')).toBe('C:\\\\dir \\"x\\"\\nnext\tend');
  });
});
