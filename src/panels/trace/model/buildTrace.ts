import { type Links, linkParents } from './linkParents';
import { type RawSpan, type Span, type Trace } from './types';

/** The largest time a JavaScript date holds (±100,000,000 days from 1970, in ms); beyond it a date is "Invalid date". */
export const MAX_DATE_MS = 8.64e15;

/** A time the view can place and print: finite and inside the date range. */
const usable = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;

/**
 * Start times that are missing, or absurd (beyond what a date can hold, e.g. ±1e300 µs), inherit the nearest ancestor's
 * start (as Jaeger UI does for missing ones); such durations become 0. Absurd values get a warning on the span.
 */
function repairTimes(raw: readonly RawSpan[], parent: Int32Array, warnings: string[][]) {
  const n = raw.length;
  const start = new Float64Array(n);
  const duration = new Float64Array(n);
  let minStart = Infinity;
  for (let i = 0; i < n; i++) {
    start[i] = raw[i].startMs;
    duration[i] = raw[i].durationMs;
    if (usable(start[i]) && start[i] < minStart) {
      minStart = start[i];
    }
  }
  let absurd = 0;
  let repaired = 0;
  // Spans whose times were guessed: skew is not judged against a guess.
  const guessed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let bad = false;
    if (!Number.isFinite(duration[i]) || duration[i] < 0 || duration[i] > MAX_DATE_MS) {
      if (Number.isFinite(duration[i]) && duration[i] > MAX_DATE_MS) {
        warnings[i].push(`Duration ${duration[i]} ms is beyond any real span; shown as 0.`);
        absurd++;
      }
      duration[i] = 0;
      bad = true;
    }
    if (!usable(start[i])) {
      if (Number.isFinite(start[i])) {
        warnings[i].push(`Start time ${start[i]} ms since 1970 is beyond the dates a clock can show; shown at its parent's start.`);
        absurd++;
      }
      let p = parent[i];
      // Bounded climb: a parent cycle cannot loop here.
      for (let steps = 0; p >= 0 && !usable(raw[p].startMs) && steps < n; steps++) {
        p = parent[p];
      }
      start[i] = p >= 0 && usable(raw[p].startMs) ? raw[p].startMs : Number.isFinite(minStart) ? minStart : 0;
      bad = true;
    }
    if (usable(start[i]) && !usable(start[i] + duration[i])) {
      duration[i] = 0;
      bad = true;
    }
    repaired += bad ? 1 : 0;
    guessed[i] = bad ? 1 : 0;
  }
  return { start, duration, repaired, guessed, absurd };
}

/** Children of each span in CSR form (offset/kids), each list sorted by start time; roots sorted by start. */
function childrenInStartOrder(parent: Int32Array, start: Float64Array) {
  const n = parent.length;
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
  return { childCount, offset, kids, roots };
}

/**
 * Depth-first order from the roots, iterative (deep traces cannot overflow the stack). Spans not reached are in or
 * below a parent cycle: the cycle is broken at one of its spans, which becomes a root with a warning.
 */
function depthFirstOrder(raw: readonly RawSpan[], parent: Int32Array, tree: ReturnType<typeof childrenInStartOrder>, warnings: string[][]) {
  const n = raw.length;
  const { offset, kids, roots } = tree;
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
      warnings[j].push(`Parent cycle through span ${raw[j].spanId}: shown as a root.`);
      walk(j);
      i--; // i itself may still be unreached (another cycle, or reached now)
    }
  }
  return { order, position, depth, treeParent, cycles };
}

/** subtreeEnd[p] = one past the last descendant of the span at tree position p. */
function subtreeEnds(order: Int32Array, position: Int32Array, treeParent: Int32Array): Int32Array {
  const n = order.length;
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
  return subtreeEnd;
}

/**
 * Clock skew, in tree order so parents are adjusted before their children. Like Jaeger's adjuster: only across
 * services (hosts), the delta is inherited by same-service descendants; never for messaging (producer/consumer),
 * where a consumer may legitimately run after its producer ended, and never against guessed times.
 */
function measureSkew(raw: readonly RawSpan[], times: ReturnType<typeof repairTimes>, order: Int32Array, treeParent: Int32Array, warnings: string[][]) {
  const n = raw.length;
  const { start, duration, guessed } = times;
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
      warnings[i].push(`Clock skew: starts outside its parent on ${raw[tp].service}; adjusting moves it by ${delta.toFixed(3)} ms.`);
    }
  }
  return { shift, skewed };
}

/**
 * Builds the span tree: depth-first order with children by start time, depths and subtree ranges.
 * Never mutates its input and never loops: duplicates are kept and reported, orphans and spans caught in a
 * parent cycle become roots with a warning, and clock skew against a parent on another service is measured
 * the way Jaeger's adjuster does (centre the child in its parent) so the view can toggle it.
 * Steps: linkParents → repairTimes → childrenInStartOrder → depthFirstOrder → subtreeEnds → measureSkew → assemble.
 */
export function buildTrace(traceId: string, raw: readonly RawSpan[], inputWarnings: readonly string[] = [], skipped = 0): Trace {
  const links = linkParents(raw);
  const times = repairTimes(raw, links.parent, links.warnings);
  const tree = childrenInStartOrder(links.parent, times.start);
  const dfs = depthFirstOrder(raw, links.parent, tree, links.warnings);
  const subtreeEnd = subtreeEnds(dfs.order, dfs.position, dfs.treeParent);
  const skew = measureSkew(raw, times, dfs.order, dfs.treeParent, links.warnings);
  const warnings = times.absurd > 0 ? [...inputWarnings, `${times.absurd} span time${times.absurd === 1 ? ' was' : 's were'} beyond any date (e.g. ±1e300 µs): shown at the parent's start, with a warning on the span.`] : inputWarnings;
  return assemble(traceId, raw, { ...links, ...times, ...tree, ...dfs, subtreeEnd, ...skew }, warnings, skipped);
}

/** The built trace: spans in tree order (one object literal, one hidden class), totals and what was repaired. */
function assemble(
  traceId: string,
  raw: readonly RawSpan[],
  b: Links &
    ReturnType<typeof repairTimes> &
    ReturnType<typeof childrenInStartOrder> &
    ReturnType<typeof depthFirstOrder> &
    ReturnType<typeof measureSkew> & { subtreeEnd: Int32Array },
  inputWarnings: readonly string[],
  skipped: number
): Trace {
  const n = raw.length;
  const { order, position, treeParent, depth, start, duration, childCount, subtreeEnd, shift } = b;
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
      builderWarnings: b.warnings[i],
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
    issues: { orphans: b.orphans, duplicateIds: b.duplicateIds, cycles: b.cycles, skewed: b.skewed, skipped, repaired: b.repaired },
    warnings: inputWarnings,
  };
}
