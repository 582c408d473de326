/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedRate, parseScrape, renderScrape, valueAt } from './exposition';
import { startReplay } from './server';

const SCRAPES = join(__dirname, '..', '..', 'tests', 'fixtures', 'scrapes');
const fixture = (name: string) => readFileSync(join(SCRAPES, name), 'utf8');

const HISTOGRAM = [
  '# HELP d Request duration.',
  '# TYPE d histogram',
  'd_bucket{code="200",le="10"} 5',
  'd_bucket{code="200",le="100"} 8',
  'd_bucket{code="200",le="+Inf"} 10',
  'd_sum{code="200"} 500',
  'd_count{code="200"} 10',
  '# TYPE up gauge',
  'up 1 1700000000000',
  '# TYPE s summary',
  's{quantile="0.5"} 0.25',
  's_sum 12.5',
  's_count 4',
  'x_total{path="a \\"b\\" }c"} 3',
  '',
].join('\n');

describe('parseScrape', () => {
  it('reads names, labels (escaped quotes and braces inside values), values, and which samples grow', () => {
    const p = parseScrape(HISTOGRAM);
    expect(p.samples.map((s) => [s.name, s.value, s.grows])).toEqual([
      ['d_bucket', 5, true],
      ['d_bucket', 8, true],
      ['d_bucket', 10, true],
      ['d_sum', 500, true],
      ['d_count', 10, true],
      ['up', 1, false],
      ['s', 0.25, false],
      ['s_sum', 12.5, true],
      ['s_count', 4, true],
      ['x_total', 3, true],
    ]);
    expect(p.samples[2].labels).toEqual({ code: '200', le: '+Inf' });
    expect(p.samples[9].labels).toEqual({ path: 'a "b" }c' });
    expect(p.openMetrics).toBe(false);
  });

  it('fails with the line number on a broken line', () => {
    expect(() => parseScrape('# TYPE a counter\na{x="1" 2\n')).toThrow('line 2: expected a label name at column 9');
    expect(() => parseScrape('a_total{x="1"} many\n')).toThrow('line 1: the value "many" is not a number');
    expect(() => parseScrape('# TYPE a sometimes\n')).toThrow('line 1: unknown metric type "sometimes" for a');
    expect(() => parseScrape('a{x="1",x="2"} 1\n')).toThrow('line 1: label x appears twice');
  });

  it('reads the real fixtures: every sample, the right ones growing', () => {
    const z = parseScrape(fixture('datadog-integrations-core_istio-1.24_ztunnel.txt'));
    expect(z.openMetrics).toBe(true);
    expect(z.samples).toHaveLength(29);
    expect(z.samples.filter((s) => s.grows)).toHaveLength(28);
    expect(z.samples.filter((s) => s.labels.reporter === 'source')).toHaveLength(14);
    const side = parseScrape(fixture('datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt'));
    expect(side.openMetrics).toBe(false);
    expect(side.samples).toHaveLength(2 + 3 * 22);
    expect(side.samples.filter((s) => !s.grows).map((s) => s.name)).toEqual(['istio_build']);
    const istiod = parseScrape(fixture('datadog-integrations-core_istio-1.5_istiod.pilot.txt'));
    expect(istiod.samples.filter((s) => s.grows).map((s) => s.name)).toEqual([
      ...Array(9).fill('pilot_proxy_convergence_time_bucket'),
      'pilot_proxy_convergence_time_sum',
      'pilot_proxy_convergence_time_count',
      ...Array(8).fill('pilot_proxy_queue_time_bucket'),
      'pilot_proxy_queue_time_sum',
      'pilot_proxy_queue_time_count',
      'pilot_push_triggers',
      'pilot_push_triggers',
    ]);
    const waypoint = parseScrape(fixture('datadog-integrations-core_istio-1.5_waypoint.txt'));
    // DataDog's hand-written minimal waypoint file: TYPE lines name the _total samples themselves.
    expect(waypoint.samples.filter((s) => s.grows).map((s) => s.name)).toEqual([
      'istio_requests_total',
      'istio_request_duration_milliseconds_bucket',
      'istio_request_duration_milliseconds_bucket',
      'istio_request_duration_milliseconds_bucket',
      'istio_request_duration_milliseconds_sum',
      'istio_request_duration_milliseconds_count',
      'istio_tcp_connections_opened_total',
      'istio_tcp_connections_closed_total',
      'istio_tcp_sent_bytes_total',
      'istio_tcp_received_bytes_total',
    ]);
  });
});

describe('growth', () => {
  it('grows each counter by its own value per period; gauges and quantiles stay', () => {
    const p = parseScrape(HISTOGRAM);
    expect(p.samples.map((s) => valueAt(s, 30, 60))).toEqual([7.5, 12, 15, 750, 15, 1, 0.25, 18.75, 6, 4.5]);
    expect(p.samples.map((s) => expectedRate(s, 60))).toEqual([5 / 60, 8 / 60, 10 / 60, 500 / 60, 10 / 60, 0, 0, 12.5 / 60, 4 / 60, 3 / 60]);
    expect(() => valueAt(p.samples[0], 1, 0)).toThrow('the growth period must be a positive number of seconds, got 0');
  });

  it('keeps a histogram consistent at every instant: monotonic buckets, _count = +Inf bucket, constant mean', () => {
    const p = parseScrape(fixture('datadog-integrations-core_istio-1.5_istio-merged.sidecar-reviews-v1.txt'));
    for (const t of [0, 1, 7.5, 59, 3600]) {
      const at = (name: string) => p.samples.filter((s) => s.name === name).map((s) => valueAt(s, t, 60));
      const buckets = at('istio_request_duration_milliseconds_bucket');
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
      const [count] = at('istio_request_duration_milliseconds_count');
      const [sum] = at('istio_request_duration_milliseconds_sum');
      expect(buckets[buckets.length - 1]).toBe(count);
      expect(sum / count).toBeCloseTo(1050, 9);
    }
  });

  it('renders the recorded text at t=0 and grown values later, keeping every label block as written', () => {
    const p = parseScrape(HISTOGRAM);
    expect(renderScrape(p, 0, 60)).toBe(HISTOGRAM.replace(' 1700000000000', ''));
    const later = renderScrape(p, 60, 60).split('\n');
    expect(later[2]).toBe('d_bucket{code="200",le="10"} 10');
    expect(later[13]).toBe('x_total{path="a \\"b\\" }c"} 6');
    expect(renderScrape(parseScrape('# TYPE a counter\na_total{} 2\n'), 30, 60)).toBe('# TYPE a counter\na_total{} 3\n');
    expect(renderScrape(parseScrape('# TYPE a counter\na_total{} 2\n'), 30, 60, 1700000030000)).toBe('# TYPE a counter\na_total{} 3 1700000030000\n');
    expect(renderScrape(parseScrape('# TYPE a counter\na_total 2\n# EOF\n'), 30, 60, 1700000030005)).toBe('# TYPE a counter\na_total 3 1700000030.005\n# EOF\n');
  });
});

describe('startReplay', () => {
  it('serves /metrics on 127.0.0.1 with the content type of the fixture, grown by the clock', async () => {
    let clock = 1_000_000;
    const replay = await startReplay(fixture('datadog-integrations-core_istio-1.24_ztunnel.txt'), { now: () => clock, periodSeconds: 10 });
    try {
      expect(replay.target).toMatch(/^127\.0\.0\.1:\d+$/);
      clock += 5000;
      const res = await fetch(`${replay.url}/metrics`);
      expect(res.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
      const body = await res.text();
      expect(body.endsWith('# EOF\n')).toBe(true);
      // traffic-gen → productpage, sent bytes 11144775 recorded: 1.5 × after half a period.
      expect(body).toContain('destination_version="v1",destination_cluster="Kubernetes",request_protocol="tcp",response_flags="-",connection_security_policy="mutual_tls"} 16717162.5 1005.000');
      expect((await fetch(`${replay.url}/other`)).status).toBe(404);
    } finally {
      await replay.stop();
    }
  });

  it('refuses a fixture it cannot read before listening', async () => {
    await expect(startReplay('a{ 1\n')).rejects.toThrow('line 1: expected a label name at column 4');
  });
});
