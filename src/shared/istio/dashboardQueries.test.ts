import {
  eq,
  eqVar,
  errorRatio,
  histogramQuantile,
  inVar,
  latencyQuantile,
  orZero,
  re,
  Reporter,
  requestRate,
  selector,
  successRatio,
  sumBy,
  tcpByteRate,
  topk,
} from './dashboardQueries';

describe('dashboardQueries', () => {
  it('escapes literal values but leaves template variables for Grafana', () => {
    expect(eq('destination_service', 'a"b\\c')).toBe('destination_service="a\\"b\\\\c"');
    expect(inVar('destination_cluster', 'cluster')).toBe('destination_cluster=~"$cluster"');
    expect(eqVar('destination_service', 'service')).toBe('destination_service="$service"');
  });

  it('counts waypoint traffic on both sides (ambient L7 comes only from waypoints)', () => {
    expect(Reporter.client).toBe('source|waypoint');
    expect(Reporter.server).toBe('destination|waypoint');
    expect(requestRate([re('reporter', Reporter.client)])).toBe(
      'sum(rate(istio_requests_total{reporter=~"source|waypoint"}[$__rate_interval]))'
    );
  });

  it('builds selectors, sums and rates with $__rate_interval', () => {
    expect(selector('up', [])).toBe('up');
    expect(sumBy(['a', 'b'], 'x')).toBe('sum by (a, b) (x)');
    expect(tcpByteRate('sent', [eq('reporter', 'source')], ['pod'])).toBe(
      'sum by (pod) (rate(istio_tcp_sent_bytes_total{reporter="source"}[$__rate_interval]))'
    );
  });

  it('computes latency quantiles from the milliseconds histogram only (no seconds fallback)', () => {
    const q = latencyQuantile(0.95, [eq('reporter', 'source')], ['destination_service']);
    expect(q).toBe(
      'histogram_quantile(0.95, sum by (le, destination_service) (rate(istio_request_duration_milliseconds_bucket{reporter="source"}[$__rate_interval])))'
    );
    expect(q).not.toContain('istio_request_duration_seconds');
  });

  it('builds success and error ratios over the same selector', () => {
    expect(successRatio([], ['x'])).toBe(
      'sum by (x) (rate(istio_requests_total{response_code!~"5.."}[$__rate_interval])) / sum by (x) (rate(istio_requests_total[$__rate_interval]))'
    );
    expect(errorRatio([])).toBe(
      'sum(rate(istio_requests_total{response_code=~"5.."}[$__rate_interval])) / sum(rate(istio_requests_total[$__rate_interval]))'
    );
    expect(orZero('x')).toBe('(x) or vector(0)');
  });

  it('rejects nonsense arguments with a precise message', () => {
    expect(() => histogramQuantile(1.5, 'm_bucket', [])).toThrow('quantile must be in (0, 1), got 1.5');
    expect(() => topk(0, 'x')).toThrow('k must be a positive integer, got 0');
  });
});
