import { formatPeer, type MeshPeer } from '../traces/istioNaming';
import { APP_BASE_URL } from './appUrls';
import { withTimeRange, type EpochRange } from './timeRange';

/** What the app's Traces page is opened with (all optional). */
export interface TracesPageParams {
  /** The trace service name, verbatim (Istio: `<canonical service>.<namespace>`; never split here). */
  service?: string;
  operation?: string;
  /** Calls from `service` to this Kubernetes service: the page matches Istio's span names for it. */
  peer?: MeshPeer;
  traceId?: string;
  range?: EpochRange;
}

/**
 * `/a/meshlens-istio-app/traces?service=…&peer=<service>.<namespace>&from=…&to=…`. Values are encoded; the
 * peer's two parts are DNS labels (no dots), so `peer` reads back unambiguously.
 */
export function tracesPageUrl(p: TracesPageParams): string {
  const q = new URLSearchParams();
  if (p.service) {
    q.set('service', p.service);
  }
  if (p.operation) {
    q.set('operation', p.operation);
  }
  if (p.peer) {
    q.set('peer', formatPeer(p.peer));
  }
  if (p.traceId) {
    q.set('traceId', p.traceId);
  }
  const search = q.toString();
  return withTimeRange(`${APP_BASE_URL}/traces${search ? `?${search}` : ''}`, p.range);
}
