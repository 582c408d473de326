import { bookinfo } from '../topology/bookinfo';
import { ambient } from '../topology/ambient';
import { Control } from './control';
import { Engine } from './engine';
import { find, total } from './testing';

function run(seconds: number, setup?: (c: Control) => void) {
  const engine = new Engine(bookinfo(), { seed: 7, daySeconds: 3600, startMs: 0 });
  setup?.(new Control(engine));
  for (let t = 1; t <= seconds; t++) {
    engine.tick(1, t * 1000);
  }
  return engine;
}

const hop = (from: string, to: string) => ({ source_workload: from, destination_service_name: to });

describe('Engine on bookinfo', () => {
  test('both proxies report the same requests for every hop that reached its server', () => {
    const { store } = run(120);
    const dest = find(store, 'istio_requests_total', { reporter: 'destination' }).filter(
      (s) => s.labels.source_workload !== 'unknown'
    );
    expect(dest.length).toBeGreaterThan(8);
    for (const d of dest) {
      const match = { ...d.labels, reporter: 'source' } as Record<string, string>;
      for (const k of ['connection_security_policy', 'namespace', 'pod', 'app', 'container']) {
        delete match[k];
      }
      expect(total(store, 'istio_requests_total', match)).toBe(d.value);
    }
  });

  test('a configured 10 % 503 on reviews-v3 -> ratings shows as 0.10 from either reporter', () => {
    const { store } = run(300, (c) => c.fault('reviews-v3', 'ratings', 0.1, '503'));
    for (const reporter of ['source', 'destination']) {
      const all = total(store, 'istio_requests_total', { ...hop('reviews-v3', 'ratings'), reporter });
      const errors = total(store, 'istio_requests_total', {
        ...hop('reviews-v3', 'ratings'),
        reporter,
        response_code: '503',
      });
      expect(all).toBeGreaterThan(500);
      expect(errors / all).toBeCloseTo(0.1, 2);
    }
  });

  test('edge cases: unknown source, Passthrough/BlackHole, egress, ServiceEntry host, code 0 flags, gRPC, TCP, plaintext', () => {
    const { store } = run(200);
    expect(find(store, 'istio_requests_total', { source_workload: 'unknown', reporter: 'source' })).toHaveLength(0);
    expect(
      find(store, 'istio_requests_total', { source_workload: 'unknown', reporter: 'destination' }).length
    ).toBeGreaterThan(0);
    for (const name of ['PassthroughCluster', 'BlackHoleCluster', 'www.googleapis.com']) {
      expect(
        find(store, 'istio_requests_total', { destination_service_name: name, reporter: 'source' }).length
      ).toBeGreaterThan(0);
      expect(
        find(store, 'istio_requests_total', { destination_service_name: name, reporter: 'destination' })
      ).toHaveLength(0);
    }
    expect(
      find(store, 'istio_requests_total', { destination_service_name: 'BlackHoleCluster' })[0].labels.response_code
    ).toBe('502');
    expect(
      find(store, 'istio_requests_total', { destination_workload: 'istio-egressgateway', reporter: 'destination' })
        .length
    ).toBe(1);
    for (const flag of ['UF', 'UH', 'NR', 'URX']) {
      const s = find(store, 'istio_requests_total', { response_code: '0', response_flags: flag });
      expect(s.length).toBeGreaterThan(0);
      expect(new Set(s.map((x) => x.labels.reporter))).toEqual(new Set(['source']));
    }
    const grpc = find(store, 'istio_requests_total', { request_protocol: 'grpc' });
    expect(new Set(grpc.map((s) => s.labels.grpc_response_status))).toEqual(new Set(['0', '14']));
    expect(
      total(store, 'istio_request_messages_total', { destination_service_name: 'recommendations' })
    ).toBeGreaterThan(0);
    expect(
      total(store, 'istio_tcp_sent_bytes_total', { destination_service_name: 'mongodb', reporter: 'destination' })
    ).toBeGreaterThan(0);
    const tcp = find(store, 'istio_tcp_connections_opened_total')[0].labels;
    expect(tcp.request_protocol).toBe('tcp');
    expect(tcp).not.toHaveProperty('response_code');
    const policies = new Set(
      find(store, 'istio_requests_total', { reporter: 'destination' }).map((s) => s.labels.connection_security_policy)
    );
    expect(policies).toEqual(new Set(['mutual_tls', 'none']));
  });

  test('histogram counts equal request counts and buckets are cumulative', () => {
    const { store } = run(60);
    for (const h of find(store, 'istio_request_duration_milliseconds')) {
      const b = h.buckets!;
      for (let i = 1; i < b.length; i++) {
        expect(b[i]).toBeGreaterThanOrEqual(b[i - 1]);
      }
      const { le: _le, ...labels } = h.labels;
      expect(total(store, 'istio_requests_total', labels)).toBe(b[b.length - 1]);
    }
  });

  test('shift, stop and add change where traffic goes', () => {
    const engine = run(30, (c) => c.shift('reviews', { 'reviews-v1': 0, 'reviews-v2': 0, 'reviews-v3': 1 }));
    const control = new Control(engine);
    const before = total(engine.store, 'istio_requests_total', { destination_workload: 'reviews-v1' });
    control.stop('ratings-v1');
    control.add({ name: 'reviews-v4', service: 'reviews', weight: 1 });
    for (let t = 31; t <= 90; t++) {
      engine.tick(1, t * 1000);
    }
    const store = engine.store;
    expect(total(store, 'istio_requests_total', { destination_workload: 'reviews-v1' })).toBe(before);
    expect(
      total(store, 'istio_requests_total', { destination_workload: 'reviews-v4', reporter: 'destination' })
    ).toBeGreaterThan(100);
    // The stopped pod's own series leave the scrape.
    expect(
      find(store, 'istio_requests_total', { destination_workload: 'ratings-v1', reporter: 'destination' })
    ).toHaveLength(0);
    expect(
      total(store, 'istio_requests_total', {
        destination_service_name: 'ratings',
        response_code: '503',
        response_flags: 'UH',
      })
    ).toBeGreaterThan(100);
  });

  test('the same seed gives the same counts', () => {
    expect(total(run(40).store, 'istio_requests_total')).toBe(total(run(40).store, 'istio_requests_total'));
  });
});

describe('Engine on ambient bookinfo', () => {
  test('ztunnel carries two hops through a service’s waypoint, the waypoint reports caller → backend', () => {
    const engine = new Engine(ambient(), { seed: 7, daySeconds: 3600, startMs: 0 });
    for (let t = 1; t <= 60; t++) {
      engine.tick(1, t * 1000);
    }
    const { store } = engine;
    const l4 = (reporter: string) =>
      [
        ...new Set(
          find(store, 'istio_tcp_received_bytes_total', {
            reporter,
            app: 'ztunnel',
            destination_service_name: 'reviews',
          }).map((s) => `${s.labels.source_workload} -> ${s.labels.destination_workload}`)
        ),
      ].sort();
    // The caller's ztunnel: the hop to the waypoint, for the reviews service; the backends' ztunnel: from it.
    expect(l4('source')).toEqual(['productpage-v1 -> waypoint']);
    expect(l4('destination')).toEqual(['waypoint -> reviews-v1', 'waypoint -> reviews-v2', 'waypoint -> reviews-v3']);
    const l7 = [
      ...new Set(
        find(store, 'istio_requests_total', { reporter: 'waypoint', destination_service_name: 'reviews' }).map(
          (s) => `${s.labels.source_workload} -> ${s.labels.destination_workload}`
        )
      ),
    ].sort();
    expect(l7).toEqual([
      'productpage-v1 -> reviews-v1',
      'productpage-v1 -> reviews-v2',
      'productpage-v1 -> reviews-v3',
    ]);
    // details has no waypoint: one hop, straight to the backend.
    const details = [
      ...new Set(
        find(store, 'istio_tcp_received_bytes_total', { app: 'ztunnel', destination_service_name: 'details' }).map(
          (s) => `${s.labels.reporter} ${s.labels.source_workload} -> ${s.labels.destination_workload}`
        )
      ),
    ].sort();
    expect(details).toEqual(['destination productpage-v1 -> details-v1', 'source productpage-v1 -> details-v1']);
  });
});
