import { UsageError } from '../cli/flags';
import { bookinfo } from './bookinfo';
import type { Topology } from './types';

export interface LoadOptions {
  seed: number;
  scale: number;
}

export const BUILT_IN = ['bookinfo'] as const;

/** Resolves --topology: a built-in name or a YAML/JSON file. */
export function loadTopology(name: string, _options: LoadOptions): Topology {
  switch (name) {
    case 'bookinfo':
      return bookinfo();
    default:
      throw new UsageError(`unknown topology "${name}" (built-in: ${BUILT_IN.join(', ')}, or a .yaml/.json file)`);
  }
}
