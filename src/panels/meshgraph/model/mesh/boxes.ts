import { type BoxKind, type MeshBox, type MeshNode, UNKNOWN } from './types';

export interface BoxOptions {
  app: boolean;
  namespace: boolean;
  cluster: boolean;
}

interface Member {
  id: string;
  cluster: string;
  namespace: string;
  app: string;
}

/**
 * Compound boxes as Kiali builds them (config/common/common.go): app boxes first, then namespace and
 * cluster boxes around whatever has no parent yet. A box needs two members; namespace and cluster
 * boxes appear only when there is more than one of them. Never boxes `unknown`.
 */
export function buildBoxes(nodes: readonly MeshNode[], o: BoxOptions): { boxes: MeshBox[]; parents: Record<string, string> } {
  const parents: Record<string, string> = {};
  const boxes: MeshBox[] = [];
  const members: Member[] = nodes.map((n) => ({ id: n.id, cluster: n.cluster, namespace: n.namespace, app: n.app }));

  const group = (kind: BoxKind, keyOf: (m: Member) => string | undefined) => {
    const groups = new Map<string, Member[]>();
    for (const m of members) {
      const key = keyOf(m);
      if (key !== undefined) {
        const list = groups.get(key);
        if (list) {
          list.push(m);
        } else {
          groups.set(key, [m]);
        }
      }
    }
    if (kind !== 'app' && groups.size <= 1) {
      return;
    }
    for (const [id, list] of groups) {
      if (list.length < 2) {
        continue;
      }
      const first = list[0];
      const box: MeshBox = {
        id,
        kind,
        cluster: first.cluster,
        namespace: kind === 'cluster' ? '' : first.namespace,
        app: kind === 'app' ? first.app : '',
        children: list.map((m) => m.id),
      };
      list.forEach((m) => (parents[m.id] = id));
      boxes.push(box);
      members.push({ id, cluster: box.cluster, namespace: box.namespace, app: box.app });
    }
  };
  const unboxed = (m: Member) => parents[m.id] === undefined;
  if (o.app) {
    group('app', (m) => (m.app !== '' && m.app !== UNKNOWN && !m.id.startsWith('box_') ? `box_${m.cluster}_${m.namespace}_${m.app}` : undefined));
  }
  if (o.namespace) {
    group('namespace', (m) => (unboxed(m) && m.namespace !== UNKNOWN ? `box_${m.cluster}_${m.namespace}` : undefined));
  }
  if (o.cluster) {
    group('cluster', (m) => (unboxed(m) && m.cluster !== UNKNOWN ? `box_${m.cluster}` : undefined));
  }
  for (const box of boxes) {
    box.parent = parents[box.id];
  }
  return { boxes, parents };
}
