import { type ViewEdge, type ViewNode } from '../view/types';

/**
 * Find/hide expressions, a subset of Kiali's grammar (GraphFind.tsx):
 *   expr    := and ( OR and )*          and := clause ( AND clause )*   (AND may not mix node and edge clauses)
 *   clause  := [!|not] unary | operand op value
 *   op      := = != > < >= <= *= !*= ^= !^= $= !$=   (also: contains, startswith, endswith, is, has)
 * Node operands: name, namespace|ns, node, app, version, workload|wl, service|svc, cluster, httpin, httpout, grpcin, grpcout, tcpin, tcpout
 * Edge operands: rt|responsetime, %httperr, %httptraffic, %grpcerr, %grpctraffic, protocol, http, grpc, tcp, throughput, mtls (percent)
 * Unary: healthy, idle, unknown, root|trafficsource, outside, se|serviceentry, injected, waypoint (nodes); mtls, traffic, new, gone, changed (edges)
 */

export type Target = 'node' | 'edge';
export interface FindMatcher {
  node?: (n: ViewNode) => boolean;
  edge?: (e: ViewEdge) => boolean;
}
export type FindResult = { ok: true; matcher: FindMatcher } | { ok: false; error: string };

type Getter<T> = (x: T) => string | number | undefined;
const num = (v: number | undefined) => v ?? 0;

/**
 * A node's name as Kiali's `name` operand reads it: the app of app nodes (every version of `reviews` in a versioned
 * app graph, whose titles are `reviews v1`…), the service of service nodes, the workload of workload nodes; the title
 * of anything else (unknown, boxes, node-graph frames).
 */
function nodeName(n: ViewNode): string {
  const m = n.mesh;
  const byType = m?.nodeType === 'app' ? m.app : m?.nodeType === 'service' ? m.service : m?.nodeType === 'workload' ? m.workload : undefined;
  return byType || n.title;
}

const NODE_OPERANDS: Record<string, Getter<ViewNode>> = {
  name: nodeName,
  namespace: (n) => n.namespace,
  ns: (n) => n.namespace,
  cluster: (n) => n.cluster,
  node: (n) => (n.collapsed ? 'box' : n.mesh?.nodeType === 'workload' ? 'wl' : n.mesh?.nodeType === 'service' ? 'svc' : n.mesh?.nodeType ?? 'node'),
  app: (n) => n.mesh?.app,
  version: (n) => n.mesh?.version,
  workload: (n) => n.mesh?.workload,
  wl: (n) => n.mesh?.workload,
  service: (n) => n.mesh?.service,
  svc: (n) => n.mesh?.service,
  httpin: (n) => num(n.mesh?.rates.httpIn),
  httpout: (n) => num(n.mesh?.rates.httpOut),
  grpcin: (n) => num(n.mesh?.rates.grpcIn),
  grpcout: (n) => num(n.mesh?.rates.grpcOut),
  tcpin: (n) => num(n.mesh?.rates.tcpIn),
  tcpout: (n) => num(n.mesh?.rates.tcpOut),
};
const EDGE_OPERANDS: Record<string, Getter<ViewEdge>> = {
  rt: (e) => e.responseTime,
  responsetime: (e) => e.responseTime,
  '%httperr': (e) => (e.protocol === 'http' ? e.errorPct : undefined),
  '%httptraffic': (e) => (e.protocol === 'http' ? e.percentReq : undefined),
  '%grpcerr': (e) => (e.protocol === 'grpc' ? e.errorPct : undefined),
  '%grpctraffic': (e) => (e.protocol === 'grpc' ? e.percentReq : undefined),
  protocol: (e) => e.protocol,
  http: (e) => (e.protocol === 'http' ? e.rate : undefined),
  grpc: (e) => (e.protocol === 'grpc' ? e.rate : undefined),
  tcp: (e) => (e.protocol === 'tcp' ? e.rate : undefined),
  throughput: (e) => e.throughput,
  mtls: (e) => e.mtlsPct,
};
const NODE_UNARY: Record<string, (n: ViewNode) => boolean> = {
  healthy: (n) => n.health === 'healthy',
  idle: (n) => n.flags.has('idle'),
  unknown: (n) => n.flags.has('unknown'),
  root: (n) => n.flags.has('root'),
  trafficsource: (n) => n.flags.has('root'),
  outside: (n) => n.flags.has('outside'),
  se: (n) => n.flags.has('serviceEntry'),
  serviceentry: (n) => n.flags.has('serviceEntry'),
  injected: (n) => n.flags.has('injected'),
  waypoint: (n) => n.flags.has('waypoint'),
};
const EDGE_UNARY: Record<string, (e: ViewEdge) => boolean> = {
  mtls: (e) => (e.mtlsPct ?? 0) > 0,
  traffic: (e) => e.rate > 0,
  healthy: (e) => e.health === 'healthy',
  idle: (e) => e.rate <= 0,
  new: (e) => e.change === 'new',
  gone: (e) => e.change === 'gone',
  changed: (e) => e.change === 'changed',
};

const WORD_OPS: Record<string, string> = { contains: '*=', startswith: '^=', endswith: '$=' };
const OPS = ['!*=', '!^=', '!$=', '>=', '<=', '!=', '*=', '^=', '$=', '=', '>', '<'];

function compare(actual: string | number | undefined, op: string, expected: string): boolean {
  if (actual === undefined) {
    return op.startsWith('!');
  }
  if (typeof actual === 'number') {
    const e = Number(expected);
    switch (op) {
      case '=':
        return actual === e;
      case '!=':
        return actual !== e;
      case '>':
        return actual > e;
      case '<':
        return actual < e;
      case '>=':
        return actual >= e;
      case '<=':
        return actual <= e;
    }
  }
  const a = String(actual).toLowerCase();
  const x = expected.toLowerCase();
  const negate = op.startsWith('!');
  const base = negate ? op.slice(1) : op;
  const hit = base === '=' ? a === x : base === '*=' ? a.includes(x) : base === '^=' ? a.startsWith(x) : base === '$=' ? a.endsWith(x) : false;
  return negate ? !hit : hit;
}

interface Clause {
  target: Target;
  test: (x: never) => boolean;
}

function parseClause(raw: string): Clause | string {
  let text = raw.trim().replace(/\s+/g, ' ');
  let negate = false;
  text = text.replace(/\b(is|has) /gi, '');
  if (/^(!|not )/i.test(text)) {
    negate = true;
    text = text.replace(/^(!|not )\s*/i, '');
  }
  for (const [word, op] of Object.entries(WORD_OPS)) {
    text = text.replace(new RegExp(`\\s(not\\s)?${word}\\s`, 'i'), (_m, not) => ` ${not ? '!' : ''}${op} `);
  }
  // The operator that starts earliest wins; at one position the longest (">=" over ">").
  const op = OPS.map((o) => ({ o, at: text.indexOf(o) }))
    .filter((x) => x.at > 0)
    .sort((a, b) => a.at - b.at || b.o.length - a.o.length)[0]?.o;
  if (!op) {
    const name = text.toLowerCase();
    const n = NODE_UNARY[name];
    const e = EDGE_UNARY[name];
    if (!n && !e) {
      return `Unknown word "${text}". Try name = productpage, %httperr > 5, rt > 1000, healthy, mtls.`;
    }
    // `mtls`, `traffic` are edge words; `healthy` and `idle` apply to nodes unless only edges have them.
    if (n) {
      return { target: 'node', test: ((x: ViewNode) => n(x) !== negate) as (x: never) => boolean };
    }
    return { target: 'edge', test: ((x: ViewEdge) => e!(x) !== negate) as (x: never) => boolean };
  }
  const [left, ...rest] = text.split(op);
  const operand = left.trim().toLowerCase();
  const value = rest.join(op).trim().replace(/^["']|["']$/g, '');
  if (value === '') {
    return `"${raw.trim()}" needs a value after ${op}.`;
  }
  const nodeGet = NODE_OPERANDS[operand];
  const edgeGet = EDGE_OPERANDS[operand];
  if (!nodeGet && !edgeGet) {
    return `Unknown operand "${operand}". Node: ${Object.keys(NODE_OPERANDS).join(', ')}. Edge: ${Object.keys(EDGE_OPERANDS).join(', ')}.`;
  }
  if (['>', '<', '>=', '<='].includes(op) && Number.isNaN(Number(value))) {
    return `"${operand} ${op}" needs a number, got "${value}".`;
  }
  if (nodeGet) {
    return { target: 'node', test: ((x: ViewNode) => compare(nodeGet(x), op, value) !== negate) as (x: never) => boolean };
  }
  return { target: 'edge', test: ((x: ViewEdge) => compare(edgeGet(x), op, value) !== negate) as (x: never) => boolean };
}

/** Compiles a find/hide expression, or explains precisely what is wrong with it. */
export function compileFind(text: string): FindResult {
  if (text.trim() === '') {
    return { ok: true, matcher: {} };
  }
  const nodeOr: Array<Array<(n: ViewNode) => boolean>> = [];
  const edgeOr: Array<Array<(e: ViewEdge) => boolean>> = [];
  for (const branch of text.split(/\s+OR\s+|\s*\|\|\s*/i)) {
    const clauses = branch.split(/\s+AND\s+|\s*&&\s*/i).map(parseClause);
    const error = clauses.find((c): c is string => typeof c === 'string');
    if (error) {
      return { ok: false, error };
    }
    const parsed = clauses as Clause[];
    const targets = new Set(parsed.map((c) => c.target));
    if (targets.size > 1) {
      return { ok: false, error: `"${branch.trim()}" mixes node and edge criteria in one AND; use OR or two expressions.` };
    }
    const tests = parsed.map((c) => c.test);
    if (targets.has('node')) {
      nodeOr.push(tests as Array<(n: ViewNode) => boolean>);
    } else {
      edgeOr.push(tests as Array<(e: ViewEdge) => boolean>);
    }
  }
  const matcher: FindMatcher = {};
  if (nodeOr.length) {
    matcher.node = (n) => nodeOr.some((and) => and.every((t) => t(n)));
  }
  if (edgeOr.length) {
    matcher.edge = (e) => edgeOr.some((and) => and.every((t) => t(e)));
  }
  return { ok: true, matcher };
}
