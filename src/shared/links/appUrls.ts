/**
 * URLs into the MeshLens app pages, shared by the panels and the app so a link written in one place is read
 * the same way in another. Values are untrusted (label values, span tags): they are always URL-encoded.
 */
export const APP_BASE_URL = '/a/meshlens-istio-app';

export type FocusKind = 'app' | 'service' | 'workload';

/** What the graph is focused on: one app, service or workload in a namespace (any cluster). */
export interface GraphFocus {
  kind: FocusKind;
  namespace: string;
  name: string;
}

const KINDS: readonly FocusKind[] = ['app', 'service', 'workload'];

/** `service:bookinfo/reviews`. Namespaces cannot contain `/`, so the first `/` splits namespace from name. */
export function formatFocus(focus: GraphFocus): string {
  return `${focus.kind}:${focus.namespace}/${focus.name}`;
}

/** The inverse of formatFocus; undefined for anything malformed (the caller shows the unfocused graph). */
export function parseFocus(text: string | null | undefined): GraphFocus | undefined {
  const match = /^(app|service|workload):([^/]+)\/(.+)$/.exec((text ?? '').trim());
  if (!match || !KINDS.includes(match[1] as FocusKind)) {
    return undefined;
  }
  return { kind: match[1] as FocusKind, namespace: match[2], name: match[3] };
}

export interface GraphPageParams {
  namespaces?: readonly string[];
  clusters?: readonly string[];
  focus?: GraphFocus;
}

/** The graph page with its namespace and cluster variables and an optional focus, as Scenes reads them. */
export function graphPageUrl(params: GraphPageParams): string {
  const q = new URLSearchParams();
  for (const ns of params.namespaces ?? []) {
    q.append('var-namespace', ns);
  }
  for (const c of params.clusters ?? []) {
    q.append('var-cluster', c);
  }
  if (params.focus) {
    q.set('focus', formatFocus(params.focus));
  }
  const search = q.toString();
  return `${APP_BASE_URL}/graph${search ? `?${search}` : ''}`;
}

/** Pages a service or workload page drills down from; its breadcrumbs lead back there. */
export type DetailParent = 'overview' | 'graph';

/**
 * The app's service or workload page, `/a/meshlens-istio-app/<parent>/<kind>/<namespace>/<name>`. `search`
 * (the parent's query string) rides along, so the page's breadcrumb back restores the parent's view.
 */
export function detailPageUrl(kind: 'service' | 'workload', namespace: string, name: string, parent: DetailParent = 'overview', search = ''): string {
  const path = `${APP_BASE_URL}/${parent}/${kind}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  const q = search.replace(/^\?/, '');
  return q ? `${path}?${q}` : path;
}

/**
 * A detail page linked from a mesh graph. On the app's graph page the graph's own query rides along (the
 * breadcrumb returns to that very view); anywhere else (a dashboard) the breadcrumb returns to `graph`, the
 * graph page scoped to the node.
 */
export function detailPageUrlFromGraph(
  kind: 'service' | 'workload',
  namespace: string,
  name: string,
  graph: GraphPageParams,
  here?: { pathname: string; search: string }
): string {
  const search = here?.pathname === `${APP_BASE_URL}/graph` ? here.search : graphPageUrl(graph).split('?')[1] ?? '';
  return detailPageUrl(kind, namespace, name, 'graph', search);
}
