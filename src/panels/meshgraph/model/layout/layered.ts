import { applySeed, LAYER_GAP, type LayoutInput, type LayoutResult, ROW_GAP, withSize } from './types';

/**
 * Left-to-right layered layout that scales: a node's layer is its longest path from the traffic
 * sources (depth-first cycle breaking; no dummy nodes for long edges, the cost that makes dagre and
 * ELK take tens of seconds at 1,000+ nodes), rows ordered by namespace then by the mean row of neighbours
 * (one down and one up sweep), then namespaces packed as blocks (see packGroups). O((n + e) log n).
 */
export function layeredLayout(input: LayoutInput): LayoutResult {
  const n = input.nodeCount;
  const { edges, groups } = input;
  const indeg = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < edges.length; i += 2) {
    if (edges[i] !== edges[i + 1]) {
      outStart[edges[i] + 1]++;
      inStart[edges[i + 1] + 1]++;
      indeg[edges[i + 1]]++;
    }
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outAdj = new Int32Array(outStart[n]);
  const inAdj = new Int32Array(inStart[n]);
  const oFill = outStart.slice(0, n);
  const iFill = inStart.slice(0, n);
  for (let i = 0; i < edges.length; i += 2) {
    const s = edges[i];
    const t = edges[i + 1];
    if (s !== t) {
      outAdj[oFill[s]++] = t;
      inAdj[iFill[t]++] = s;
    }
  }

  const layer = longestPathLayers(n, outStart, outAdj, indeg);
  let layerCount = 0;
  for (let i = 0; i < n; i++) {
    layerCount = Math.max(layerCount, layer[i] + 1);
  }
  const members: number[][] = Array.from({ length: layerCount }, () => []);
  for (let i = 0; i < n; i++) {
    members[layer[i]].push(i);
  }
  const row = new Float64Array(n);
  const order = (ids: number[], adjStart: Int32Array, adj: Int32Array) => {
    const key = new Float64Array(ids.length);
    ids.forEach((v, j) => {
      let sum = 0;
      let count = 0;
      for (let k = adjStart[v]; k < adjStart[v + 1]; k++) {
        if (layer[adj[k]] !== layer[v]) {
          sum += row[adj[k]];
          count++;
        }
      }
      key[j] = count ? sum / count : row[v];
    });
    const idx = ids.map((_, j) => j);
    idx.sort((a, b) => groups[ids[a]] - groups[ids[b]] || key[a] - key[b] || ids[a] - ids[b]);
    const sorted = idx.map((j) => ids[j]);
    sorted.forEach((v, j) => (row[v] = j));
    return sorted;
  };
  members.forEach((ids) => ids.forEach((v, j) => (row[v] = j)));
  for (let l = 1; l < layerCount; l++) {
    members[l] = order(members[l], inStart, inAdj);
  }
  for (let l = layerCount - 2; l >= 0; l--) {
    members[l] = order(members[l], outStart, outAdj);
  }

  return withSize(applySeed(packGroups(n, groups, layer, members), input));
}

/**
 * Each group (namespace) becomes a block laid out by its nodes' layers and row order, and blocks are
 * shelf-packed left to right in order of their first layer: namespace boxes never overlap, request
 * flow still reads left to right, and the picture stays near a 16:10 shape at any size.
 */
function packGroups(n: number, groups: Int32Array, layer: Int32Array, members: number[][]): Float64Array {
  const blocks = new Map<number, { minLayer: number; columns: Map<number, number[]> }>();
  for (const ids of members) {
    for (const v of ids) {
      const g = groups[v];
      let b = blocks.get(g);
      if (!b) {
        b = { minLayer: layer[v], columns: new Map() };
        blocks.set(g, b);
      }
      b.minLayer = Math.min(b.minLayer, layer[v]);
      const col = b.columns.get(layer[v]);
      if (col) {
        col.push(v);
      } else {
        b.columns.set(layer[v], [v]);
      }
    }
  }
  const positions = new Float64Array(2 * n);
  const placed = [...blocks.values()].map((b) => {
    const count = [...b.columns.values()].reduce((s, c) => s + c.length, 0);
    const maxRows = Math.max(6, Math.ceil(Math.sqrt(count) * 1.6));
    const local: Array<[number, number, number]> = [];
    let x = 0;
    let height = 0;
    for (const l of [...b.columns.keys()].sort((a, c) => a - c)) {
      const ids = b.columns.get(l)!;
      const sub = Math.ceil(ids.length / maxRows);
      const rows = Math.ceil(ids.length / sub);
      ids.forEach((v, j) => {
        const c = Math.floor(j / rows);
        local.push([v, x + c * LAYER_GAP * 0.6, (j % rows) * ROW_GAP + (c % 2) * (ROW_GAP / 2)]);
      });
      height = Math.max(height, rows * ROW_GAP);
      x += LAYER_GAP + (sub - 1) * LAYER_GAP * 0.6;
    }
    return { minLayer: b.minLayer, width: x, height, local, count };
  });
  placed.sort((a, b) => a.minLayer - b.minLayer || b.count - a.count);
  const area = placed.reduce((s, b) => s + b.width * (b.height + ROW_GAP), 0);
  const target = Math.max(Math.max(...placed.map((b) => b.width), 0), Math.sqrt(area * 1.6));
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const b of placed) {
    if (x > 0 && x + b.width > target) {
      x = 0;
      y += shelf + ROW_GAP * 1.5;
      shelf = 0;
    }
    for (const [v, lx, ly] of b.local) {
      positions[2 * v] = x + lx;
      positions[2 * v + 1] = y + ly;
    }
    x += b.width + LAYER_GAP * 0.25;
    shelf = Math.max(shelf, b.height);
  }
  return positions;
}

/**
 * Layers by longest path from the sources, so every edge points right: cycles are broken by ignoring
 * the back edges an iterative depth-first search finds, then nodes take one layer more than their
 * furthest caller (Kahn order). O(n + e).
 */
function longestPathLayers(n: number, outStart: Int32Array, outAdj: Int32Array, indeg: Int32Array): Int32Array {
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const back = new Uint8Array(outAdj.length);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const visit = (root: number) => {
    let top = 0;
    stack[top++] = root;
    state[root] = 1;
    cursor[root] = outStart[root];
    while (top > 0) {
      const v = stack[top - 1];
      if (cursor[v] < outStart[v + 1]) {
        const k = cursor[v]++;
        const w = outAdj[k];
        if (state[w] === 1) {
          back[k] = 1;
        } else if (state[w] === 0) {
          state[w] = 1;
          cursor[w] = outStart[w];
          stack[top++] = w;
        }
      } else {
        state[v] = 2;
        top--;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    if (indeg[i] === 0 && state[i] === 0) {
      visit(i);
    }
  }
  for (let i = 0; i < n; i++) {
    if (state[i] === 0) {
      visit(i);
    }
  }
  const remaining = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      if (!back[k]) {
        remaining[outAdj[k]]++;
      }
    }
  }
  const layer = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (remaining[i] === 0) {
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const v = queue[head++];
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      if (back[k]) {
        continue;
      }
      const w = outAdj[k];
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--remaining[w] === 0) {
        queue[tail++] = w;
      }
    }
  }
  return layer;
}
