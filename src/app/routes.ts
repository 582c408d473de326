import { PLUGIN_BASE_URL } from '../shared/settings';

export const ROUTES = {
  overview: 'overview',
  graph: 'graph',
  traces: 'traces',
} as const;

/** URL of an app page with query parameters (values encoded; arrays repeat the key, as Scenes writes them). */
export function pageUrl(route: string, params: Record<string, string | readonly string[] | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : (value ?? [])) {
      q.append(key, v);
    }
  }
  const search = q.toString();
  return `${PLUGIN_BASE_URL}/${route}${search ? `?${search}` : ''}`;
}

/** The graph page scoped to one namespace (its `namespace` variable set through the URL). */
export function graphUrlForNamespace(namespace: string): string {
  return pageUrl(ROUTES.graph, { 'var-namespace': namespace });
}

/** The service or workload page (drill-downs of the overview, so breadcrumbs lead back to it). */
export function detailUrl(kind: 'service' | 'workload', namespace: string, name: string): string {
  return `${PLUGIN_BASE_URL}/${ROUTES.overview}/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** A bundled dashboard with its variables filled (`var-<name>`). */
export function dashboardUrl(uid: string, vars: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(vars)) {
    if (v) {
      q.set(`var-${k}`, v);
    }
  }
  return `/d/${encodeURIComponent(uid)}?${q}`;
}

/** The traces page searching one service's traces (Istio names trace services `<app>.<namespace>`). */
export function tracesUrlForService(serviceName: string): string {
  return pageUrl(ROUTES.traces, { service: serviceName });
}
