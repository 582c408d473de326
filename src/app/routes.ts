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
