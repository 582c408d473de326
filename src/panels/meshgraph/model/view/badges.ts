import { type ViewNode } from './types';

/**
 * Kiali's node badges, from what Prometheus can tell: traffic source (root), no traffic (dead/idle), ambient
 * waypoint, egress cluster (PassthroughCluster/BlackHoleCluster), ServiceEntry host, outside the selected namespaces,
 * circuit breaker (Envoy's `UO` response flag: the upstream overflowed, so the circuit breaker opened), and virtual
 * service (the hosts named in the panel's option: routing rules are not in the metrics).
 */
export type Badge = 'root' | 'dead' | 'waypoint' | 'egress' | 'serviceEntry' | 'outside' | 'circuitBreaker' | 'virtualService';

/** Short text drawn in the badge (ASCII: headless and locked-down browsers may lack icon fonts) and its meaning. */
export const BADGE_TEXT: Record<Badge, { short: string; long: string }> = {
  root: { short: 'SRC', long: 'traffic source' },
  dead: { short: 'IDLE', long: 'no traffic' },
  waypoint: { short: 'WP', long: 'waypoint' },
  egress: { short: 'EGR', long: 'egress cluster' },
  serviceEntry: { short: 'SE', long: 'service entry' },
  outside: { short: 'OUT', long: 'outside the selected namespaces' },
  circuitBreaker: { short: 'CB', long: 'circuit breaker tripped (UO)' },
  virtualService: { short: 'VS', long: 'virtual service' },
};

/** The badges of a node, in a fixed order. Pure. */
export function nodeBadges(n: ViewNode, hasCircuitBreaker: boolean, hasVirtualService: boolean): Badge[] {
  const out: Badge[] = [];
  if (n.flags.has('root')) {
    out.push('root');
  }
  if (n.flags.has('idle')) {
    out.push('dead');
  }
  if (n.flags.has('waypoint')) {
    out.push('waypoint');
  }
  if (n.flags.has('egress')) {
    out.push('egress');
  }
  if (n.flags.has('serviceEntry')) {
    out.push('serviceEntry');
  }
  if (n.flags.has('outside')) {
    out.push('outside');
  }
  if (hasCircuitBreaker) {
    out.push('circuitBreaker');
  }
  if (hasVirtualService) {
    out.push('virtualService');
  }
  return out;
}
