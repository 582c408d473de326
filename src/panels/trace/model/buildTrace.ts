import { type RawSpan, type Span, type Trace } from './types';

interface Links {
  parent: Int32Array;
  warnings: string[][];
  orphans: number;
  duplicateIds: number;
}

/**
 * Zipkin reports one RPC as a client half and one or more `shared` server halves (plus late fragments) under one id.
 * Such a group is not a duplicate: the other halves hang under the client half, and children of the id under the first server half.
 */
function zipkinGroup(raw: readonly RawSpan[], group: readonly number[]): { client: number; server: number } | undefined {
  const clients = group.filter((i) => raw[i].kind === 'client' && !raw[i].shared);
  if (clients.length !== 1 || !group.some((i) => raw[i].shared)) {
    return undefined;
  }
  const server = group.find((i) => raw[i].shared)!;
  return { client: clients[0], server };
}

/** Resolves parent ids to indices. Repeated ids that are not a Zipkin client/server group are duplicates. */
function linkParents(raw: readonly RawSpan[]): Links {
  const n = raw.length;
  const byId = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const id = raw[i].spanId;
    if (!byId.has(id)) {
      byId.set(id, i);
    } else {
      const g = groups.get(id);
      g ? g.push(i) : groups.set(id, [byId.get(id)!, i]);
    }
  }
  const warnings: string[][] = raw.map(() => []);
  const parent = new Int32Array(n).fill(-2);
  let duplicateIds = 0;
  for (const [id, group] of groups) {
    const zipkin = zipkinGroup(raw, group);
    if (zipkin) {
      byId.set(id, zipkin.server);
      group.forEach((i) => (parent[i] = i === zipkin.client ? -2 : zipkin.client));
      continue;
    }
    for (const i of group.slice(1)) {
      duplicateIds++;
      warnings[i].push(`Duplicate span id ${id}: another span already has it; links to this id go to the first one.`);
    }
  }
  let orphans = 0;
  for (let i = 0; i < n; i++) {
    if (parent[i] !== -2) {
      continue;
    }
    parent[i] = -1;
    const pid = raw[i].parentSpanId;
    if (!pid) {
      continue;
    }
    const p = byId.get(pid);
    if (p === undefined || p === i) {
      orphans++;
      warnings[i].push(`Parent span ${pid} is not in the trace; shown as a root.`);
    } else {
      parent[i] = p;
    }
  }
  return { parent, warnings, orphans, duplicateIds };
}

/** Start times that are missing inherit the nearest ancestor's start (as Jaeger UI does); durations default to 0. */
function repairTimes(raw: readonly RawSpan[], parent: Int32Array) {
  const n = raw.length;
  const start = new Float64Array(n);
  const duration = new Float64Array(n);
  let minStart = Infinity;
  for (let i = 0; i < n; i++) {
    start[i] = raw[i].startMs;
    duration[i] = raw[i].durationMs;
    if (Number.isFinite(start[i]) && start[i] < minStart) {
      minStart = start[i];
    }
  }
  let repaired = 0;
  // Spans whose times were guessed: skew is not judged against a guess.
  const guessed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let bad = false;
    if (!Number.isFinite(duration[i]) || duration[i] < 0) {
      duration[i] = 0;
      bad = true;
    }
    if (!Number.isFinite(start[i])) {
      let p = parent[i];
      // Bounded climb: a parent cycle cannot loop here.
      for (let steps = 0; p >= 0 && !Number.isFinite(raw[p].startMs) && steps < n; steps++) {
        p = parent[p];
      }
      start[i] = p >= 0 && Number.isFinite(raw[p].startMs) ? raw[p].startMs : Number.isFinite(minStart) ? minStart : 0;
      bad = true;
    }
    repaired += bad ? 1 : 0;
    guessed[i] = bad ? 1 : 0;
  }
  return { start, duration, repaired, guessed };
}

/**
 * Builds the span tree: depth-first order with children by start time, depths and subtree ranges.
 * Never mutates its input and never loops: duplicates are kept and reported, orphans and spans caught in a
 * parent cycle become roots with a warning, and clock skew against a parent on another service is measured
 * the way Jaeger's adjuster does (centre the child in its parent) so the view can toggle it.
 */
export function buildTrace(traceId: string, raw: readonly RawSpan[], inputWarnings: readonly string[] = [], skipped = 0): Trace {
  const n = raw.length;
  const links = linkParents(raw);
  const { parent } = links;
  const { start, duration, repaired, guessed } = repairTimes(raw, parent);

  // Children in CSR form, sorted by start time.
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      childCount[parent[i]]++;
    }
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offset[i + 1] = offset[i] + childCount[i];
  }
  const fill = offset.slice(0, n);
  const kids = new Int32Array(offset[n]);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      kids[fill[parent[i]]++] = i;
    }
  }
  const byStart = (a: number, b: number) => start[a] - start[b] || a - b;
  for (let i = 0; i < n; i++) {
    if (childCount[i] > 1) {
      kids.subarray(offset[i], offset[i + 1]).sort(byStart);
    }
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    if (parent[i] < 0) {
      roots.push(i);
    }
  }
  roots.sort(byStart);

  // Iterative DFS (deep traces cannot overflow the stack); `visited` guards against cycles.
  const order = new Int32Array(n);
  const position = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const treeParent = new Int32Array(n).fill(-1);
  let count = 0;
  let cycles = 0;
  const stack: number[] = [];
  const walk = (root: number) => {
    stack.push(root);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (position[i] >= 0) {
        continue;
      }
      position[i] = count;
      order[count++] = i;
      for (let k = offset[i + 1] - 1; k >= offset[i]; k--) {
        const c = kids[k];
        if (position[c] < 0) {
          depth[c] = depth[i] + 1;
          treeParent[c] = i;
          stack.push(c);
        }
      }
    }
  };
  roots.forEach(walk);
  for (let i = 0; i < n && count < n; i++) {
    if (position[i] < 0) {
      // Unreached: in or below a parent cycle. Climb to a span on the cycle and break it there.
      const seen = new Set<number>();
      let j = i;
      while (!seen.has(j) && parent[j] >= 0) {
        seen.add(j);
        j = parent[j];
      }
      cycles++;
      links.warnings[j].push(`Parent cycle through span ${raw[j].spanId}: shown as a root.`);
      walk(j);
      i--; // i itself may still be unreached (another cycle, or reached now)
    }
  }

  const subtreeEnd = new Int32Array(n);
  for (let p = n - 1; p >= 0; p--) {
    const i = order[p];
    subtreeEnd[p] = Math.max(subtreeEnd[p], p + 1);
    const tp = treeParent[i];
    if (tp >= 0) {
      const pp = position[tp];
      subtreeEnd[pp] = Math.max(subtreeEnd[pp], subtreeEnd[p]);
    }
  }

  // Clock skew, in tree order so parents are adjusted before their children. Like Jaeger's adjuster: only across
  // services (hosts), the delta is inherited by same-service descendants; never for messaging (producer/consumer),
  // where a consumer may legitimately run after its producer ended, and never against guessed times.
  const shift = new Float64Array(n);
  const messaging = (i: number) => raw[i].kind === 'producer' || raw[i].kind === 'consumer';
  let skewed = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p];
    const tp = treeParent[i];
    if (tp < 0) {
      continue;
    }
    if (raw[i].service === raw[tp].service) {
      shift[i] = shift[tp];
      continue;
    }
    if (guessed[i] || guessed[tp] || messaging(i) || messaging(tp)) {
      continue;
    }
    const ps = start[tp] + shift[tp];
    const pe = ps + duration[tp];
    let delta = 0;
    if (duration[tp] < duration[i]) {
      // A child longer than its parent is asynchronous: only align its start.
      delta = start[i] < ps ? ps - start[i] : 0;
    } else if (start[i] < ps || start[i] + duration[i] > pe) {
      delta = ps + (duration[tp] - duration[i]) / 2 - start[i];
    }
    if (delta !== 0) {
      shift[i] = delta;
      skewed++;
      links.warnings[i].push(`Clock skew: starts outside its parent on ${raw[tp].service}; adjusting moves it by ${delta.toFixed(3)} ms.`);
    }
  }

  const spans: Span[] = new Array(n);
  const services = new Set<string>();
  let startMs = Infinity;
  let endMs = -Infinity;
  let maxDepth = 0;
  let errorCount = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p];
    const tp = treeParent[i];
    const r = raw[i];
    // An explicit literal (not a spread) keeps one hidden class: several times faster at 100k spans.
    spans[p] = {
      traceId: r.traceId,
      spanId: r.spanId,
      parentSpanId: r.parentSpanId,
      operation: r.operation,
      service: r.service,
      kind: r.kind,
      status: r.status,
      statusMessage: r.statusMessage,
      attributes: r.attributes,
      resource: r.resource,
      events: r.events,
      references: r.references,
      warnings: r.warnings,
      shared: r.shared,
      followsFrom: r.followsFrom,
      source: r.source,
      startMs: start[i],
      durationMs: duration[i],
      index: p,
      parent: tp >= 0 ? position[tp] : -1,
      depth: depth[i],
      subtreeEnd: subtreeEnd[p],
      childCount: childCount[i],
      builderWarnings: links.warnings[i],
      skewShiftMs: shift[i],
    };
    services.add(raw[i].service);
    startMs = Math.min(startMs, start[i]);
    endMs = Math.max(endMs, start[i] + duration[i]);
    maxDepth = Math.max(maxDepth, depth[i]);
    errorCount += raw[i].status === 'error' ? 1 : 0;
  }
  return {
    traceId,
    spans,
    startMs: n ? startMs : 0,
    endMs: n ? endMs : 0,
    services: [...services].sort(),
    maxDepth,
    errorCount,
    issues: { orphans: links.orphans, duplicateIds: links.duplicateIds, cycles, skewed, skipped, repaired },
    warnings: inputWarnings,
  };
}
