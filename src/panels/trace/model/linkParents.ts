import { type RawSpan } from './types';

export interface Links {
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
export function linkParents(raw: readonly RawSpan[]): Links {
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
