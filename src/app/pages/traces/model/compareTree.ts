import { type DataFrame } from '@grafana/data';

/** One node of the merged structure: a (service, operation) reached by the same path of such pairs from a root. */
export interface DiffNode {
  readonly key: string;
  readonly depth: number;
  readonly service: string;
  readonly operation: string;
  /** Spans at this path in A and in B. */
  readonly countA: number;
  readonly countB: number;
  readonly presence: 'both' | 'a' | 'b';
  /** Index of the last descendant + 1 in the flat list (descendants are index+1 .. end-1). */
  readonly end: number;
}

export interface TraceDiff {
  /** Depth-first, children by service then operation. */
  readonly nodes: readonly DiffNode[];
  readonly onlyA: number;
  readonly onlyB: number;
  /** In both, with a different span count. */
  readonly changed: number;
  /** Spans that were not placed (in a parent cycle); counted per side. */
  readonly unplacedA: number;
  readonly unplacedB: number;
}

const SEP = '\u0000';

/** Span counts per path (`<parent path>\u0001<service>\u0000<operation>`) of one trace frame; cycles left out, counted. */
function pathCounts(frame: DataFrame | undefined): { counts: Map<string, number>; unplaced: number } {
  const field = (name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];
  const ids = field('spanID');
  const parents = field('parentSpanID');
  const services = field('serviceName');
  const operations = field('operationName');
  const n = frame?.length ?? 0;
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = String(ids[i] ?? '');
    if (id && !byId.has(id)) {
      byId.set(id, i);
    }
  }
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = byId.get(String(parents[i] ?? ''));
    p === undefined || p === i ? roots.push(i) : children[p].push(i);
  }
  const counts = new Map<string, number>();
  const seen = new Uint8Array(n);
  const stack: Array<[number, string]> = roots.map((r) => [r, '']);
  let placed = 0;
  while (stack.length) {
    const [i, parentPath] = stack.pop()!;
    if (seen[i]) {
      continue;
    }
    seen[i] = 1;
    placed++;
    const path = `${parentPath}\u0001${String(services[i] ?? '')}${SEP}${String(operations[i] ?? '')}`;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    for (const c of children[i]) {
      stack.push([c, path]);
    }
  }
  return { counts, unplaced: n - placed };
}

/**
 * Jaeger's trace diff as a merged tree: both traces' spans grouped by their path of (service, operation) from the
 * root, each node with its span count in A and in B, so what only one trace did (or did more often) stands out.
 * Pure; reads Grafana trace frames (spanID, parentSpanID, serviceName, operationName); unknown parents are roots.
 */
export function diffTraces(a: DataFrame | undefined, b: DataFrame | undefined): TraceDiff {
  const sa = pathCounts(a);
  const sb = pathCounts(b);
  const kids = new Map<string, Set<string>>();
  for (const path of [...sa.counts.keys(), ...sb.counts.keys()]) {
    const parent = path.slice(0, path.lastIndexOf('\u0001'));
    let set = kids.get(parent);
    if (!set) {
      set = new Set();
      kids.set(parent, set);
    }
    set.add(path);
  }
  const label = (path: string) => path.slice(path.lastIndexOf('\u0001') + 1).split(SEP);
  const ordered = (parent: string) =>
    [...(kids.get(parent) ?? [])].sort((x, y) => {
      const [s1, o1] = label(x);
      const [s2, o2] = label(y);
      return s1.localeCompare(s2) || o1.localeCompare(o2);
    });
  const nodes: Array<DiffNode & { end: number }> = [];
  let onlyA = 0;
  let onlyB = 0;
  let changed = 0;
  // Iterative pre-order walk; a node's end is set when its subtree is done.
  const stack: Array<{ path: string; depth: number } | { close: number }> = ordered('')
    .reverse()
    .map((path) => ({ path, depth: 0 }));
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) {
      nodes[item.close].end = nodes.length;
      continue;
    }
    const [service, operation] = label(item.path);
    const countA = sa.counts.get(item.path) ?? 0;
    const countB = sb.counts.get(item.path) ?? 0;
    const presence = countA && countB ? 'both' : countA ? 'a' : 'b';
    presence === 'a' ? onlyA++ : presence === 'b' ? onlyB++ : countA !== countB && changed++;
    nodes.push({ key: item.path, depth: item.depth, service, operation, countA, countB, presence, end: 0 });
    stack.push({ close: nodes.length - 1 });
    for (const c of ordered(item.path).reverse()) {
      stack.push({ path: c, depth: item.depth + 1 });
    }
  }
  return { nodes, onlyA, onlyB, changed, unplacedA: sa.unplaced, unplacedB: sb.unplaced };
}
