import { type MeshNode } from './types';

/** A ServiceEntry as the panel knows it: configured in options, since Prometheus does not carry it. */
export interface ServiceEntryOption {
  hosts: string[];
  location: 'MESH_EXTERNAL' | 'MESH_INTERNAL';
}

/** `*.example.com` matches `api.example.com`, as ServiceEntry host wildcards do. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*')) {
    return host.endsWith(pattern.slice(1));
  }
  return pattern === host;
}

/**
 * Marks service nodes whose service name is a ServiceEntry host (Kiali's serviceEntry appender, which
 * reads the entries from Kubernetes). Returns new node objects for matches; others are shared.
 */
export function markServiceEntries(nodes: readonly MeshNode[], entries: readonly ServiceEntryOption[]): MeshNode[] {
  if (entries.length === 0) {
    return [...nodes];
  }
  return nodes.map((n) => {
    if (n.nodeType !== 'service') {
      return n;
    }
    const entry = entries.find((se) => se.hosts.some((h) => hostMatches(h, n.service)));
    return entry ? { ...n, isServiceEntry: { hosts: entry.hosts, location: entry.location } } : n;
  });
}
