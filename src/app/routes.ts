import { detailPageUrl, graphPageUrl, type GraphFocus } from '../shared/links/appUrls';
import { PLUGIN_BASE_URL } from '../shared/settings';

export const ROUTES = {
  overview: 'overview',
  graph: 'graph',
  traces: 'traces',
} as const;

/**
 * Whether an app URL's path is one of the app's pages (or below one): `/a/<app>/graph/service/ns/x` is, `/a/<app>/nope`
 * is not (the app shows its not-found page there, not a blank page).
 */
export function isKnownAppPath(pathname: string): boolean {
  const rest = pathname.startsWith(PLUGIN_BASE_URL) ? pathname.slice(PLUGIN_BASE_URL.length) : pathname;
  const first = rest.split('/').filter(Boolean)[0];
  return first === undefined || (Object.values(ROUTES) as string[]).includes(first);
}

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

/** The graph page scoped to one namespace, optionally focused on one node (the shared graph page URL contract). */
export function graphUrlForNamespace(namespace: string, focus?: GraphFocus): string {
  return graphPageUrl({ namespaces: [namespace], focus });
}

/** Pages the service and workload pages drill down from (their breadcrumbs lead back there). */
export type DetailParent = typeof ROUTES.overview | typeof ROUTES.graph;

/**
 * The service or workload page, a drill-down of the overview or of the graph page. `search` (the
 * parent's query string) rides along, so the breadcrumb back restores the parent's view. The shape
 * lives in src/shared/links/appUrls.ts, where the mesh graph panel builds it too.
 */
export function detailUrl(kind: 'service' | 'workload', namespace: string, name: string, parent: DetailParent = ROUTES.overview, search = ''): string {
  return detailPageUrl(kind, namespace, name, parent, search);
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
