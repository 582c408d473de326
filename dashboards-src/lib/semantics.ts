/**
 * What a panel's queries mean, read with Prometheus' own PromQL grammar: the metrics they read, the reporters they
 * count, the labels they group by and the labels they filter on. coverage.test.ts compares each of Istio's panels
 * with ours on these, and COVERAGE.md lists every difference with its reason (CHANGE_REASONS); a difference without
 * a reason fails the test.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { RECORDED_SERIES } from '../../src/shared/istio/recordedSeries';

export interface Semantics {
  metrics: Set<string>;
  reporters: Set<string>;
  groupBy: Set<string>;
  filters: Set<string>;
}

const RAW_OF = new Map(RECORDED_SERIES.map((s) => [s.record, s.raw]));
/** Labels that say nothing about meaning: histogram buckets, our recorded/raw switch. */
const IGNORED_LABELS = new Set(['le', 'meshlens_raw', '__name__']);
/** Istio's `$qrep` variable selects both reporters. */
const VARIABLE_REPORTERS: Record<string, string[]> = { $qrep: ['source', 'destination'] };

export function emptySemantics(): Semantics {
  return { metrics: new Set(), reporters: new Set(), groupBy: new Set(), filters: new Set() };
}

/** Adds one query's semantics to `into`. */
export function addQuerySemantics(expr: string, into: Semantics): Semantics {
  const tree = parser.parse(expr);
  const text = (from: number, to: number) => expr.slice(from, to);
  let inBy = false;
  let matcher: { label: string; op: string } | undefined;
  tree.iterate({
    enter: (node) => {
      switch (node.type.name) {
        case 'Identifier': {
          if (node.node.parent?.type.name !== 'VectorSelector') {
            break;
          }
          const name = text(node.from, node.to);
          into.metrics.add(RAW_OF.get(name) ?? name);
          break;
        }
        case 'By':
          inBy = true;
          break;
        case 'Without':
          inBy = false;
          break;
        case 'LabelName': {
          const label = text(node.from, node.to);
          if (matcher === undefined && node.node.parent?.type.name === 'GroupingLabels' && inBy) {
            into.groupBy.add(label);
          } else if (node.node.parent?.type.name === 'UnquotedLabelMatcher') {
            matcher = { label, op: '' };
          }
          break;
        }
        case 'MatchOp':
          if (matcher) {
            matcher.op = text(node.from, node.to);
          }
          break;
        case 'StringLiteral':
          if (matcher) {
            const value = text(node.from + 1, node.to - 1);
            if (matcher.label === 'reporter') {
              (VARIABLE_REPORTERS[value] ?? value.split('|')).forEach((r) => into.reporters.add(r));
            } else {
              into.filters.add(matcher.label);
            }
            matcher = undefined;
          }
          break;
      }
    },
    leave: (node) => {
      if (node.type.name === 'AggregateModifier') {
        inBy = false;
      }
    },
  });
  IGNORED_LABELS.forEach((l) => {
    into.groupBy.delete(l);
    into.filters.delete(l);
  });
  // Client-side mTLS is read from destination_principal into connection_security_policy (lib/recorded.ts).
  if (into.groupBy.has('connection_security_policy')) {
    into.groupBy.delete('destination_principal');
  }
  return into;
}

export function panelSemantics(exprs: readonly string[]): Semantics {
  const s = emptySemantics();
  exprs.forEach((e) => addQuerySemantics(e, s));
  return s;
}

/** Metrics Istio's panels read that ours read under another name, or no longer (null). */
export const REPLACED_METRICS: Record<string, string | null> = {
  istio_request_duration_seconds_bucket: null,
  envoy_wasm_remote_load_cache_entries: 'istio_agent_wasm_cache_entries',
  envoy_wasm_remote_load_cache_hits: 'istio_agent_wasm_cache_lookup_count',
  envoy_wasm_remote_load_cache_misses: 'istio_agent_wasm_cache_lookup_count',
  envoy_wasm_remote_load_cache_negative_hits: 'istio_agent_wasm_cache_lookup_count',
  envoy_wasm_remote_load_fetch_failures: 'istio_agent_wasm_remote_fetch_count',
  envoy_wasm_remote_load_fetch_successes: 'istio_agent_wasm_remote_fetch_count',
};

/** Differences of `ours` from `istio` as short lines: `metric +x`, `reporter +waypoint`, `group -y`, `filter +z`. */
export function semanticChanges(istio: Semantics, ours: Semantics): string[] {
  const istioMetrics = new Set(
    [...istio.metrics].map((m) => (m in REPLACED_METRICS ? REPLACED_METRICS[m] : m)).filter((m): m is string => !!m)
  );
  const diff = (kind: string, a: Set<string>, b: Set<string>) => [
    ...[...b].filter((x) => !a.has(x)).map((x) => `${kind} +${x}`),
    ...[...a].filter((x) => !b.has(x)).map((x) => `${kind} -${x}`),
  ];
  return [
    ...diff('metric', istioMetrics, ours.metrics),
    ...diff('reporter', istio.reporters, ours.reporters),
    ...diff('group', istio.groupBy, ours.groupBy),
    ...diff('filter', istio.filters, ours.filters),
  ].sort();
}

export interface IstioQuery {
  panel: string;
  expr: string;
}

/**
 * Istio's queries of one panel: the `occurrence`-th run of consecutive queries titled `panel` (Istio repeats titles
 * across rows, e.g. "vCPU" for proxies and for istiod; the query list keeps panel order).
 */
export function istioPanelQueries(queries: readonly IstioQuery[], panel: string, occurrence: number): string[] {
  const runs: string[][] = [];
  queries.forEach((q, i) => {
    if (q.panel !== panel) {
      return;
    }
    if (i > 0 && queries[i - 1].panel === panel) {
      runs[runs.length - 1].push(q.expr);
    } else {
      runs.push([q.expr]);
    }
  });
  return runs[occurrence] ?? [];
}

/**
 * Why our panels read differently from Istio's; every change coverage.test.ts finds must match one (`where`, when
 * given, limits a reason to Istio panels `<dashboard> / <row> / <panel>`).
 */
export const CHANGE_REASONS: Array<{ change: RegExp; why: string; where?: RegExp }> = [
  { change: /^reporter \+waypoint$/, why: 'counts waypoint reports (ambient L7)' },
  { change: /^reporter -(source|destination)$/, why: 'one reporter per side instead of the qrep variable' },
  { change: /^filter \+(destination_|source_)?cluster$/, why: 'cluster variable' },
  {
    change:
      /^filter \+(destination_service_namespace|destination_workload_namespace|source_workload_namespace|namespace)$/,
    why: 'namespace variable',
  },
  {
    change: /^(filter -connection_security_policy|filter -destination_principal|group \+connection_security_policy)$/,
    why: 'mTLS and plaintext in one query by connection_security_policy (client side: from destination_principal)',
  },
  { change: /^group \+(destination|source)_cluster$/, why: 'the peer’s cluster, for its link' },
  {
    change: /^filter -destination_workload_namespace$/,
    why: 'the namespace variable (the service’s) replaces dstns',
    where: /^Istio Service Dashboard \/ Service Workloads \//,
  },
  {
    change: /^(group \+pod|group \+container|filter -app)$/,
    why: 'istiod per pod and container, selected by pod/container patterns',
    where: /^Istio Performance Dashboard \/ Istiod Resource Usage \//,
  },
  {
    change: /^metric (\+|-)process_open_fds$/,
    why: 'open files (a count) moved from the bytes Disk panel to the goroutines panel',
    where: /^Istio Performance Dashboard \/ Istiod Resource Usage \/ (Disk|Goroutines)$/,
  },
  {
    change: /^group \+(hit|result)$/,
    why: 'istio-agent’s counters carry the outcome as a label',
    where: /^Istio Wasm Extension Dashboard \//,
  },
  {
    change: /^group \+reason$/,
    why: 'terminations by reason',
    where: /^Istio Ztunnel Dashboard \/ Operations \/ XDS Connections$/,
  },
  {
    change: /^(filter \+pod|filter -app)$/,
    why: 'ztunnel selected by its pod pattern variable',
    where: /^Istio Ztunnel Dashboard \/ Network Resources \//,
  },
];

/** The reason for one change on one Istio panel (`<dashboard> / <row> / <panel>`), if any. */
export function changeReason(change: string, where: string): string | undefined {
  return CHANGE_REASONS.find((r) => r.change.test(change) && (!r.where || r.where.test(where)))?.why;
}

/** Every coverage row's semantic changes (Istio's panel vs ours), keyed by row index. */
export function coverageChanges(
  rows: ReadonlyArray<{
    istioDashboard: string;
    istioRow: string;
    istioPanel: string;
    dashboard: string;
    panel: string;
  }>,
  istio: ReadonlyArray<{ title: string; queries: IstioQuery[] }>,
  ourExprs: (dashboard: string, panel: string) => string[]
): Array<{ where: string; changes: string[] }> {
  const seen = new Map<string, number>();
  return rows.map((p) => {
    const key = `${p.istioDashboard}/${p.istioPanel}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const queries = istio.find((d) => d.title === p.istioDashboard)?.queries ?? [];
    const changes = semanticChanges(
      panelSemantics(istioPanelQueries(queries, p.istioPanel, occurrence)),
      panelSemantics(ourExprs(p.dashboard, p.panel))
    );
    return { where: `${p.istioDashboard} / ${p.istioRow} / ${p.istioPanel}`, changes };
  });
}
