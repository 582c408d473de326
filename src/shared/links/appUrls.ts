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
