import { applySeed, LAYER_GAP, type LayoutInput, type LayoutResult, ROW_GAP, withSize } from './types';

/**
 * Left-to-right layered layout that scales: a node's layer is its breadth-first distance from the
 * traffic sources (no cycle removal, no dummy nodes for long edges: the cost that makes dagre and ELK
 * take tens of seconds at 1,000+ nodes), rows ordered by namespace then by the mean row of neighbours
 * (one down and one up sweep), and tall layers wrapped into sub-columns so the picture stays near
 * the panel's shape. O((n + e) log n).
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

  // Breadth-first layering from the sources; what remains unreached (pure cycles) starts new searches.
  const layer = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (indeg[i] === 0) {
      layer[i] = 0;
      queue[tail++] = i;
    }
  }
  let head = 0;
  const drain = () => {
    while (head < tail) {
      const v = queue[head++];
      for (let k = outStart[v]; k < outStart[v + 1]; k++) {
        const w = outAdj[k];
        if (layer[w] < 0) {
          layer[w] = layer[v] + 1;
          queue[tail++] = w;
        }
      }
    }
  };
  drain();
  for (let i = 0; i < n; i++) {
    if (layer[i] < 0) {
      layer[i] = 0;
      queue[tail++] = i;
      drain();
    }
  }

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

  // Wrap tall layers: at most ~1.6 × sqrt(n) rows per column.
  const maxRows = Math.max(8, Math.ceil(Math.sqrt(n) * 1.6));
  const positions = new Float64Array(2 * n);
  let x = 0;
  const tallest = Math.min(maxRows, Math.max(1, ...members.map((m) => m.length)));
  for (const ids of members) {
    const columns = Math.max(1, Math.ceil(ids.length / maxRows));
    const rowsPerColumn = Math.ceil(ids.length / columns);
    ids.forEach((v, j) => {
      const c = Math.floor(j / rowsPerColumn);
      const r = j % rowsPerColumn;
      const offset = ((tallest - rowsPerColumn) * ROW_GAP) / 2;
      positions[2 * v] = x + c * (LAYER_GAP * 0.6);
      // Stagger sub-columns so wrapped rows do not line up edge-on-edge.
      positions[2 * v + 1] = offset + r * ROW_GAP + (c % 2) * (ROW_GAP / 2);
    });
    x += LAYER_GAP + (columns - 1) * LAYER_GAP * 0.6;
  }
  return withSize(applySeed(positions, input));
}
