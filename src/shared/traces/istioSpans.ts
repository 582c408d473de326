/**
 * What Istio latency work needs from a trace's spans, computed from the spans alone (pure, no React): per-hop sidecar
 * overhead and retried calls. Inputs are spans in tree order with parent indices (the trace panel's model fits).
 */
import { RETRYABLE_FLAGS, decodeResponseFlags } from './envoyFlags';

export interface HopSpanInput {
  readonly parent: number;
  readonly kind: string;
  readonly service: string;
  readonly operation: string;
  readonly startMs: number;
  readonly durationMs: number;
  readonly status: string;
  readonly attributes: ReadonlyArray<{ readonly key: string; readonly value: string | number | boolean }>;
}

const attr = (s: HopSpanInput, key: string) => s.attributes.find((a) => a.key === key)?.value;

/** An Istio proxy's client span: kind client with an `outbound|…` upstream cluster. */
export function isIstioClient(s: HopSpanInput): boolean {
  return s.kind === 'client' && String(attr(s, 'upstream_cluster') ?? '').startsWith('outbound|');
}

export interface HopOverhead {
  readonly client: number;
  readonly server: number;
  /** Client span minus server span: time in the two sidecars and on the wire (negative values are kept, as recorded). */
  readonly overheadMs: number;
}

/**
 * Per call between two proxies: the caller's client span and the callee's server span below it (the next hop);
 * overhead = client duration − server duration. Calls that never reached a server span (UH, no sidecar) have none.
 */
export function sidecarOverheads(spans: readonly HopSpanInput[]): HopOverhead[] {
  const firstServerChild = new Map<number, number>();
  spans.forEach((s, i) => {
    if (s.kind === 'server' && s.parent >= 0 && !firstServerChild.has(s.parent)) {
      firstServerChild.set(s.parent, i);
    }
  });
  const out: HopOverhead[] = [];
  spans.forEach((s, i) => {
    const server = firstServerChild.get(i);
    if (server !== undefined && isIstioClient(s)) {
      out.push({ client: i, server, overheadMs: s.durationMs - spans[server].durationMs });
    }
  });
  return out;
}

export interface HopStat {
  readonly from: string;
  readonly to: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** Overhead as a share of the client spans' time, 0–1. */
  readonly shareOfClient: number;
}

/** Overhead per hop (caller service → callee service), most total overhead first. */
export function hopStatistics(spans: readonly HopSpanInput[], overheads: readonly HopOverhead[]): HopStat[] {
  const by = new Map<
    string,
    { from: string; to: string; calls: number; totalMs: number; maxMs: number; clientMs: number }
  >();
  for (const o of overheads) {
    const from = spans[o.client].service;
    const to = spans[o.server].service;
    const key = `${from}\u0000${to}`;
    const g = by.get(key) ?? { from, to, calls: 0, totalMs: 0, maxMs: -Infinity, clientMs: 0 };
    g.calls++;
    g.totalMs += o.overheadMs;
    g.maxMs = Math.max(g.maxMs, o.overheadMs);
    g.clientMs += spans[o.client].durationMs;
    by.set(key, g);
  }
  return [...by.values()]
    .map((g) => ({
      from: g.from,
      to: g.to,
      calls: g.calls,
      totalMs: g.totalMs,
      meanMs: g.totalMs / g.calls,
      maxMs: g.maxMs,
      shareOfClient: g.clientMs > 0 ? g.totalMs / g.clientMs : 0,
    }))
    .sort((a, b) => b.totalMs - a.totalMs || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export interface RetryGroup {
  readonly parent: number;
  readonly operation: string;
  /** The upstream the attempts went to (upstream_cluster, or peer attributes). */
  readonly peer: string;
  /** The attempts' span indices, by start time. */
  readonly attempts: readonly number[];
  /** Whether the last attempt succeeded. */
  readonly succeeded: boolean;
}

const ATTEMPT_KEYS = ['http.request.resend_count', 'x-envoy-attempt-count', 'retry.attempt'];

function failed(s: HopSpanInput): boolean {
  const code = Number(attr(s, 'http.status_code') ?? attr(s, 'http.response.status_code'));
  return (
    s.status === 'error' ||
    code >= 500 ||
    decodeResponseFlags(attr(s, 'response_flags')).some((f) => RETRYABLE_FLAGS.has(f.code))
  );
}

/**
 * Retried calls: sibling client spans (same parent) of the same operation to the same peer that either carry an
 * attempt marker (`http.request.resend_count`, `x-envoy-attempt-count`, `retry.attempt`), or ran one after another
 * with every attempt but the last failed (error status, 5xx, or a retryable Envoy flag). Repeated calls that
 * overlap or succeed are ordinary fan-out, not retries.
 */
export function retryGroups(spans: readonly HopSpanInput[]): RetryGroup[] {
  const by = new Map<string, number[]>();
  spans.forEach((s, i) => {
    if (s.kind !== 'client' || s.parent < 0) {
      return;
    }
    const peer = String(attr(s, 'upstream_cluster') ?? attr(s, 'peer.service') ?? attr(s, 'server.address') ?? '');
    const key = `${s.parent}\u0000${s.operation}\u0000${peer}`;
    const list = by.get(key);
    list ? list.push(i) : by.set(key, [i]);
  });
  const groups: RetryGroup[] = [];
  for (const [key, members] of by) {
    if (members.length < 2) {
      continue;
    }
    const attempts = [...members].sort((a, b) => spans[a].startMs - spans[b].startMs || a - b);
    const marked = attempts.some((i) => ATTEMPT_KEYS.some((k) => attr(spans[i], k) !== undefined));
    const sequential = attempts.every(
      (i, k) => k === 0 || spans[i].startMs >= spans[attempts[k - 1]].startMs + spans[attempts[k - 1]].durationMs
    );
    const earlierFailed = attempts.slice(0, -1).every((i) => failed(spans[i]));
    if (marked || (sequential && earlierFailed)) {
      const [, operation, peer] = key.split('\u0000');
      const last = spans[attempts[attempts.length - 1]];
      groups.push({ parent: spans[attempts[0]].parent, operation, peer, attempts, succeeded: !failed(last) });
    }
  }
  return groups.sort((a, b) => a.attempts[0] - b.attempts[0]);
}
