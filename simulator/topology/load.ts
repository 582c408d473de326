import { UsageError } from '../cli/flags';
import { ambient } from './ambient';
import { bookinfo } from './bookinfo';
import { loadTopologyFile, TopologyFileError } from './file';
import { generated } from './generated';
import { idle } from './idle';
import { multicluster } from './multicluster';
import { serviceKey, type Topology, workloadKey } from './types';

export interface LoadOptions {
  seed: number;
  scale: number;
}

export const BUILT_IN = ['bookinfo', 'generated', 'ambient', 'multicluster', 'idle'] as const;

/**
 * Resolves --topology: a built-in name, a YAML/JSON file, or several joined with "+"
 * (e.g. bookinfo+ambient): workloads and services with the same key are kept once (first wins).
 */
export function loadTopology(name: string, options: LoadOptions): Topology {
  if (name.includes('+')) {
    return merge(name.split('+').map((part) => loadOne(part, options)));
  }
  return loadOne(name, options);
}

function merge(parts: Topology[]): Topology {
  const workloads = new Map(
    parts
      .flatMap((t) => t.workloads)
      .reverse()
      .map((w) => [workloadKey(w), w])
  );
  const services = new Map(
    parts
      .flatMap((t) => t.services)
      .reverse()
      .map((s) => [serviceKey(s), s])
  );
  return {
    name: parts.map((t) => t.name).join('+'),
    workloads: [...workloads.values()].reverse(),
    services: [...services.values()].reverse(),
    edges: parts.flatMap((t) => t.edges),
    traceSampling: parts[0].traceSampling,
  };
}

function loadOne(name: string, options: LoadOptions): Topology {
  switch (name) {
    case 'bookinfo':
      return bookinfo();
    case 'ambient':
      return ambient();
    case 'multicluster':
      return multicluster();
    case 'idle':
      return idle();
    case 'generated':
      if (options.scale < 10) {
        throw new UsageError(`--scale must be at least 10 for the generated topology, got ${options.scale}`);
      }
      return generated(options.scale, options.seed);
    default:
      if (/\.(ya?ml|json)$/i.test(name)) {
        try {
          return loadTopologyFile(name);
        } catch (err) {
          throw err instanceof TopologyFileError ? new UsageError(`topology file ${err.message}`) : err;
        }
      }
      throw new UsageError(`unknown topology "${name}" (built-in: ${BUILT_IN.join(', ')}, or a .yaml/.json file)`);
  }
}
