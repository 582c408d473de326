import { ENVOY_BUCKETS } from '../model/distribution';
import { expositionText } from './exposition';
import { MetricStore } from './store';

function store() {
  const s = new MetricStore();
  const requests = s.define('istio_requests_total', 'Requests.', 'counter');
  s.series(requests, { reporter: 'source', pod: 'a-1' }, 'a-1').value = 5;
  const pushes = s.define('pilot_xds_pushes', 'Pushes.', 'counter', undefined, true);
  s.series(pushes, { type: 'eds' }, 'istiod').value = 2;
  const hist = s.define('istio_request_duration_milliseconds', 'Duration.', 'histogram', ENVOY_BUCKETS);
  const h = s.series(hist, { reporter: 'destination', pod: 'b-1' }, 'b-1');
  h.buckets!.fill(3, 4);
  h.value = 42;
  h.exemplars = [];
  h.exemplars[4] = { labelSet: { trace_id: 'abc123' }, value: 9.5, timestamp: 1700000000 };
  return s;
}

describe('exposition through prom-client', () => {
  test('Prometheus text: Istio names, Envoy buckets, no exemplars', async () => {
    const text = await expositionText(store());
    expect(text).toContain('# TYPE istio_requests_total counter\nistio_requests_total{reporter="source",pod="a-1"} 5');
    expect(text).toContain('pilot_xds_pushes{type="eds"} 2');
    expect(text).toContain('istio_request_duration_milliseconds_bucket{le="10",reporter="destination",pod="b-1"} 0');
    expect(text).toContain('istio_request_duration_milliseconds_bucket{le="25",reporter="destination",pod="b-1"} 3');
    expect(text).toContain(
      'istio_request_duration_milliseconds_bucket{le="3600000",reporter="destination",pod="b-1"} 3'
    );
    expect(text).toContain('istio_request_duration_milliseconds_bucket{le="+Inf",reporter="destination",pod="b-1"} 3');
    expect(text).toContain('istio_request_duration_milliseconds_sum{reporter="destination",pod="b-1"} 42');
    expect(text).not.toContain('trace_id');
    expect(text.endsWith('\n')).toBe(true);
  });

  test('OpenMetrics: exemplar with trace_id, _total kept, suffix-less counters typed unknown, # EOF', async () => {
    const text = await expositionText(store(), true);
    expect(text).toContain('# TYPE istio_requests counter\nistio_requests_total{reporter="source",pod="a-1"} 5');
    expect(text).toContain('# TYPE pilot_xds_pushes unknown\npilot_xds_pushes{type="eds"} 2');
    expect(text).toContain(
      'istio_request_duration_milliseconds_bucket{le="25",reporter="destination",pod="b-1"} 3 # {trace_id="abc123"} 9.5 1700000000'
    );
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  test('stopped pods leave the scrape; shards split pods without overlap', async () => {
    const s = store();
    s.hiddenPods.add('a-1');
    expect(await expositionText(s)).not.toContain('istio_requests_total{');
    const all = store();
    const parts = await Promise.all([0, 1, 2].map((index) => expositionText(all, false, { index, count: 3 })));
    const lines = parts.flatMap((p) => p.split('\n').filter((l) => l && !l.startsWith('#')));
    const whole = (await expositionText(all)).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines.sort()).toEqual(whole.sort());
  });

  test('big families are written in chunks with one HELP/TYPE header', async () => {
    const s = new MetricStore();
    const f = s.define('istio_tcp_sent_bytes_total', 'Bytes.', 'counter');
    for (let i = 0; i < 4500; i++) {
      s.series(f, { pod: `p-${i}` }, `p-${i}`).value = i;
    }
    const text = await expositionText(s);
    expect(text.match(/# TYPE/g)).toHaveLength(1);
    expect(text.split('\n').filter((l) => l.startsWith('istio_tcp_sent_bytes_total{'))).toHaveLength(4500);
  });
});
