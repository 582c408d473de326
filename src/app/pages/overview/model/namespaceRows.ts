import { FieldType, type DataFrame } from '@grafana/data';
import { OVERVIEW_NAMESPACE_LABEL, type OverviewQueryRole } from '../../../../shared/istio/appQueries';
import {
  addRequestSeries,
  directionErrorPct,
  directionTotal,
  emptyRequestCounts,
  pageHealth,
  worseStatus,
  type DisplayHealth,
  type DisplayHealthStatus,
  type RequestCounts,
} from '../../../../shared/health';
import { type HealthThresholds } from '../../../../shared/settings';

export type Health = DisplayHealthStatus;

export interface NamespaceRow {
  namespace: string;
  workloads: number | null;
  services: number | null;
  /** Requests per second into the namespace; null when no receiving proxy reported any. */
  requestRate: number | null;
  /** Share of requests Kiali counts as errors (HTTP 5xx, 4xx, no response; gRPC errors), percent. */
  errorPct: number | null;
  p95Ms: number | null;
  mtlsPct: number | null;
  /** Kiali's rules on the namespace's inbound requests (the worst workload's when the series name workloads). */
  health: Health;
  /** Why: one line per offending error class, or why there is no status. */
  healthReasons: string[];
  trend: { times: number[]; values: number[] } | null;
  /** No Istio request series mention the namespace (it is known from kube-state-metrics or the settings only). */
  noTraffic: boolean;
  /** Known to kube-state-metrics without istio-injection or ambient label, no proxy and no traffic. */
  noSidecars: boolean;
  /** Istio proxies running in the namespace (istio_build), null when none reported. */
  proxies: number | null;
}

export interface OverviewModel {
  rows: NamespaceRow[];
  /** Series left out, with why: Istio's "unknown" namespace (callers without a sidecar), or no namespace label. */
  hidden: { unknownNamespace: number; unlabelled: number };
  /** Rows flagged no traffic / no sidecars, for the footer. */
  counts: { noTraffic: number; noSidecars: number };
}

/** Frames of the inventory queries (not Istio request telemetry): refId -> their namespace label. */
const INVENTORY_ROLES = new Set(['inventory', 'proxies', 'deployments']);

interface Inventory {
  /** Seen by kube-state-metrics; `meshLabel` when it carries istio-injection or an ambient dataplane mode. */
  known?: boolean;
  meshLabel?: boolean;
  proxies?: number | null;
  /** Deployments kube-state-metrics lists in the namespace. */
  deployments?: number | null;
}

const ROLES = new Set(Object.keys(OVERVIEW_NAMESPACE_LABEL));

/** Istio labels the peer of a proxy-less caller "unknown": it is not a namespace anyone can open. */
const UNKNOWN = 'unknown';

function lastFinite(values: ArrayLike<unknown>): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      return v;
    }
  }
  return null;
}

/**
 * A namespace's health: with series per workload (a `destination_workload` label), the worst
 * workload's, its reasons prefixed with the workload; else Kiali's rules on the namespace's sums.
 */
function namespaceHealth(c: Collected, thresholds: HealthThresholds): DisplayHealth {
  if (!c.counts && !c.outbound) {
    // Request series whose values were all missing or NaN: no status can be given.
    return c.seen ? pageHealth(undefined, thresholds, 'no request rate in the answer (missing or NaN values)') : pageHealth(emptyRequestCounts(), thresholds);
  }
  // Kiali grades each workload's inbound and outbound; a namespace is its worst workload. Inbound
  // series without a workload label are graded as one sum.
  const parts = new Map<string, RequestCounts>();
  const part = (workload: string) => {
    let counts = parts.get(workload);
    if (!counts) {
      counts = emptyRequestCounts();
      parts.set(workload, counts);
    }
    return counts;
  };
  if (c.byWorkload.size > 0) {
    c.byWorkload.forEach((counts, workload) => (part(workload).inbound = counts.inbound));
  } else if (c.counts) {
    part('').inbound = c.counts.inbound;
  }
  c.outbound?.forEach((counts, workload) => (part(workload).outbound = counts.outbound));
  let worst: DisplayHealth = { status: 'idle', reasons: [] };
  for (const [workload, counts] of [...parts].sort(([a], [b]) => a.localeCompare(b))) {
    const h = pageHealth(counts, thresholds);
    if (h.status === 'idle') {
      continue;
    }
    worst = { status: worseStatus(worst.status, h.status), reasons: [...worst.reasons, ...h.reasons.map((r) => (workload ? `${workload}: ${r}` : r))] };
  }
  return worst.status === 'idle' ? pageHealth(emptyRequestCounts(), thresholds) : worst;
}

/** Adds one series of the outbound query (a namespace's workload, protocol, code, gRPC status). */
function addOutbound(entry: Collected, labels: Record<string, string>, rate: number | null): void {
  entry.seen = true;
  const workload = labels.source_workload ?? '';
  entry.outbound ??= new Map();
  let counts = entry.outbound.get(workload);
  if (!counts) {
    counts = emptyRequestCounts();
    entry.outbound.set(workload, counts);
  }
  addRequestSeries(counts.outbound, labels, rate);
}

interface Collected {
  /** Inbound requests by protocol and error class; absent until a series with a finite rate. */
  counts?: RequestCounts;
  /** The same per destination workload, when the series carry one. */
  byWorkload: Map<string, RequestCounts>;
  /** Requests each workload of the namespace sends (its outbound side), by workload. */
  outbound?: Map<string, RequestCounts>;
  /** Some traffic series were present (even if their values were not numbers). */
  seen?: boolean;
  mtls?: number;
  p95?: number | null;
  workloads?: number | null;
  services?: number | null;
  trend?: NamespaceRow['trend'];
}

/**
 * Adds one traffic series (a namespace, response code and security policy; with the protocol, gRPC
 * status and workload when the query groups by them) into its namespace's inbound counts.
 */
function addTraffic(entry: Collected, labels: Record<string, string>, rate: number | null): void {
  entry.seen = true;
  if (rate === null) {
    return;
  }
  entry.counts ??= emptyRequestCounts();
  addRequestSeries(entry.counts.inbound, labels, rate);
  const workload = labels.destination_workload;
  if (workload) {
    let counts = entry.byWorkload.get(workload);
    if (!counts) {
      counts = emptyRequestCounts();
      entry.byWorkload.set(workload, counts);
    }
    addRequestSeries(counts.inbound, labels, rate);
  }
  entry.mtls = (entry.mtls ?? 0) + (labels.connection_security_policy === 'mutual_tls' && rate > 0 ? rate : 0);
}

/**
 * Turns the overview queries' frames (refId = query role, one frame per namespace, namespace in the
 * value field's labels, as Grafana's Prometheus backend returns them) into one row per namespace.
 * Pure: the frames are read, never changed.
 */
export function buildNamespaceRows(
  frames: readonly DataFrame[],
  thresholds: HealthThresholds,
  /** Namespaces listed even without any series (the settings' default namespaces). */
  listed: readonly string[] = []
): OverviewModel {
  const byNs = new Map<string, Collected>();
  const inventory = new Map<string, Inventory>();
  const hidden = { unknownNamespace: 0, unlabelled: 0 };
  for (const frame of frames) {
    if (frame.refId && INVENTORY_ROLES.has(frame.refId)) {
      readInventory(frame, inventory, hidden);
      continue;
    }
    const role = frame.refId as OverviewQueryRole | 'outbound' | undefined;
    if (!role || (role !== 'outbound' && !ROLES.has(role))) {
      continue;
    }
    const value = frame.fields.find((f) => f.type === FieldType.number);
    const time = frame.fields.find((f) => f.type === FieldType.time);
    const ns = value?.labels?.[role === 'outbound' ? 'source_workload_namespace' : OVERVIEW_NAMESPACE_LABEL[role]];
    if (!value || !ns) {
      hidden.unlabelled++;
      continue;
    }
    if (ns === UNKNOWN) {
      hidden.unknownNamespace++;
      continue;
    }
    const entry: Collected = byNs.get(ns) ?? { byWorkload: new Map() };
    if (role === 'outbound') {
      addOutbound(entry, value.labels ?? {}, lastFinite(value.values));
    } else if (role === 'trend') {
      entry.trend = { times: Array.from(time?.values ?? [], Number), values: Array.from(value.values, (v) => (typeof v === 'number' ? v : NaN)) };
    } else if (role === 'traffic') {
      addTraffic(entry, value.labels ?? {}, lastFinite(value.values));
    } else {
      entry[role] = lastFinite(value.values);
    }
    byNs.set(ns, entry);
  }
  const names = new Set([...byNs.keys(), ...inventory.keys(), ...listed.filter((n) => n && n !== UNKNOWN)]);
  const rows = [...names].map((namespace): NamespaceRow => {
    const c: Collected = byNs.get(namespace) ?? { byWorkload: new Map() };
    const inv = inventory.get(namespace) ?? {};
    const noTraffic = !byNs.has(namespace);
    const rate = c.counts ? directionTotal(c.counts.inbound) : null;
    const share = (part: number | null | undefined) => (rate ? (100 * (part ?? 0)) / rate : null);
    const health: DisplayHealth = noTraffic ? pageHealth(emptyRequestCounts(), thresholds) : namespaceHealth(c, thresholds);
    return {
      namespace,
      // Istio's count when the namespace has traffic; else kube-state-metrics' deployments.
      workloads: c.workloads ?? inv.deployments ?? null,
      services: c.services ?? null,
      requestRate: rate,
      errorPct: c.counts ? directionErrorPct(c.counts.inbound) : null,
      p95Ms: c.p95 ?? null,
      mtlsPct: share(c.mtls),
      health: health.status,
      healthReasons: health.reasons,
      trend: c.trend ?? null,
      noTraffic,
      noSidecars: noTraffic && inv.known === true && !inv.meshLabel && !inv.proxies,
      proxies: inv.proxies ?? null,
    };
  });
  rows.sort((a, b) => a.namespace.localeCompare(b.namespace));
  const counts = { noTraffic: 0, noSidecars: 0 };
  for (const r of rows) {
    counts.noTraffic += r.noTraffic ? 1 : 0;
    counts.noSidecars += r.noSidecars ? 1 : 0;
  }
  return { rows, hidden, counts };
}

function readInventory(frame: DataFrame, into: Map<string, Inventory>, hidden: OverviewModel['hidden']): void {
  const value = frame.fields.find((f) => f.type === FieldType.number);
  const labels = value?.labels ?? {};
  const ns = labels.namespace;
  if (!value || !ns) {
    hidden.unlabelled++;
    return;
  }
  const entry = into.get(ns) ?? {};
  if (frame.refId === 'proxies') {
    entry.proxies = lastFinite(value.values);
  } else if (frame.refId === 'deployments') {
    entry.deployments = lastFinite(value.values);
  } else {
    entry.known = true;
    entry.meshLabel = Boolean(labels.label_istio_injection === 'enabled' || labels.label_istio_io_dataplane_mode);
  }
  into.set(ns, entry);
}
