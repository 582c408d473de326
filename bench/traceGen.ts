/**
 * Deterministic Istio-shaped trace generator for benchmarks (not used by the panel): an ingress-gateway root,
 * fan-out 1–8, depth up to 25, 30 services, 3–10 tags per span (fewer with `lean`), some errors and skew.
 * Emits Jaeger query API JSON, Zipkin v2 or OTLP JSON text.
 */
export type GenFormat = 'jaeger' | 'zipkin' | 'otlp';

interface GenSpan {
  id: string;
  parent: string | undefined;
  service: number;
  op: string;
  startUs: number;
  durUs: number;
  error: boolean;
  tags: Array<[string, string]>;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['istio-ingressgateway.istio-system', ...Array.from({ length: 29 }, (_, i) => `svc-${i}.ns-${i % 5}`)];
const TAG_KEYS = ['http.method', 'http.status_code', 'http.url', 'component', 'node_id', 'upstream_cluster', 'peer.address', 'request_size', 'response_size', 'guid:x-request-id'];

export function generateSpans(count: number, options: { seed?: number; lean?: boolean } = {}): GenSpan[] {
  const r = rng(options.seed ?? 42);
  const spans: GenSpan[] = [];
  const t0 = 1_700_000_000_000_000;
  const hex = (n: number) => n.toString(16).padStart(16, '0');
  const queue: Array<{ id: string; depth: number; start: number; dur: number; service: number }> = [];
  const add = (parent: (typeof queue)[number] | undefined) => {
    const id = hex(spans.length + 1);
    const service = parent ? 1 + Math.floor(r() * 29) : 0;
    const start = parent ? parent.start + Math.floor(r() * parent.dur * 0.5) : t0;
    const dur = parent ? Math.max(1, Math.floor(parent.dur * (0.1 + r() * 0.4))) : 5_000_000;
    const tagCount = options.lean ? 2 : 3 + Math.floor(r() * 8);
    const tags: Array<[string, string]> = [];
    for (let k = 0; k < tagCount; k++) {
      tags.push([TAG_KEYS[k], k === 1 ? (r() < 0.02 ? '503' : '200') : `${TAG_KEYS[k]}-${Math.floor(r() * 1000)}`]);
    }
    // 1 % skew: a server child shifted before its parent.
    const skew = parent && r() < 0.01 ? -Math.floor(dur * 2) : 0;
    spans.push({ id, parent: parent?.id, service, op: `GET /api/v1/op-${Math.floor(r() * 40)}`, startUs: start + skew, durUs: dur, error: r() < 0.02, tags });
    queue.push({ id, depth: parent ? parent.depth + 1 : 0, start, dur, service });
  };
  add(undefined);
  for (let q = 0; q < queue.length && spans.length < count; q++) {
    const p = queue[q];
    if (p.depth >= 25) {
      continue;
    }
    const fanout = 1 + Math.floor(r() * 8);
    for (let k = 0; k < fanout && spans.length < count; k++) {
      add(p);
    }
    // Keep the tree growing when the queue would run dry (every node at depth 25).
    if (q === queue.length - 1 && spans.length < count) {
      add(queue[0]);
    }
  }
  return spans;
}

const TRACE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export function toJaeger(spans: GenSpan[]): string {
  const processes: Record<string, unknown> = {};
  SERVICES.forEach((s, i) => (processes[`p${i}`] = { serviceName: s, tags: [{ key: 'hostname', type: 'string', value: `host-${i}` }] }));
  return JSON.stringify({
    data: [
      {
        traceID: TRACE_ID,
        processes,
        spans: spans.map((s) => ({
          traceID: TRACE_ID,
          spanID: s.id,
          operationName: s.op,
          references: s.parent ? [{ refType: 'CHILD_OF', traceID: TRACE_ID, spanID: s.parent }] : [],
          startTime: s.startUs,
          duration: s.durUs,
          tags: [...s.tags.map(([key, value]) => ({ key, type: 'string', value })), ...(s.error ? [{ key: 'error', type: 'bool', value: true }] : [])],
          logs: [],
          processID: `p${s.service}`,
          warnings: null,
        })),
      },
    ],
  });
}

export function toZipkin(spans: GenSpan[]): string {
  return JSON.stringify(
    spans.map((s) => ({
      traceId: TRACE_ID,
      id: s.id,
      parentId: s.parent,
      name: s.op,
      kind: 'SERVER',
      timestamp: s.startUs,
      duration: s.durUs,
      localEndpoint: { serviceName: SERVICES[s.service] },
      tags: Object.fromEntries([...s.tags, ...(s.error ? [['error', 'true']] : [])]),
    }))
  );
}

export function toOtlp(spans: GenSpan[]): string {
  const byService = new Map<number, GenSpan[]>();
  spans.forEach((s) => byService.set(s.service, [...(byService.get(s.service) ?? []), s]));
  return JSON.stringify({
    resourceSpans: [...byService.entries()].map(([svc, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: SERVICES[svc] } }] },
      scopeSpans: [
        {
          scope: { name: 'envoy' },
          spans: list.map((s) => ({
            traceId: TRACE_ID,
            spanId: s.id,
            parentSpanId: s.parent ?? '',
            name: s.op,
            kind: 'SPAN_KIND_SERVER',
            startTimeUnixNano: `${s.startUs}000`,
            endTimeUnixNano: `${s.startUs + s.durUs}000`,
            attributes: s.tags.map(([key, value]) => ({ key, value: { stringValue: value } })),
            status: s.error ? { code: 'STATUS_CODE_ERROR' } : {},
          })),
        },
      ],
    })),
  });
}

export const generate = (format: GenFormat, count: number, lean = false) => {
  const spans = generateSpans(count, { lean });
  return format === 'jaeger' ? toJaeger(spans) : format === 'zipkin' ? toZipkin(spans) : toOtlp(spans);
};
