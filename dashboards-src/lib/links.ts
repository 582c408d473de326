import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { DashboardLinkBuilder, DashboardLinkType, type DashboardLink } from '@grafana/grafana-foundation-sdk/dashboard';
import { AppPages, Dashboards, type DashboardKey } from './ids';

/**
 * Links by `/d/<uid>`: a fixed uid always resolves, unlike Istio's tag links (istio/istio#50124).
 * Relative URLs keep Grafana's sub-path (root_url) working.
 */
export function dashboardUrl(key: DashboardKey): string {
  return `/d/${Dashboards[key].uid}`;
}

const NAV_ORDER: DashboardKey[] = [
  'overview',
  'mesh',
  'service',
  'workload',
  'ztunnel',
  'controlPlane',
  'performance',
  'wasm',
];

/**
 * The SDK defaults every link to `placement: inControlsMenu`, which would tuck header links away in a menu;
 * dropping it shows them in the dashboard header as usual.
 */
function inHeader(builder: DashboardLinkBuilder): cog.Builder<DashboardLink> {
  return {
    build: () => {
      const { placement: _placement, ...link } = builder.build();
      return link;
    },
  };
}

/**
 * What `namespace` filters on each dashboard. Workload namespaces (the namespaces of the services and workloads
 * shown; multi-value) on most; the Istio components' own namespace (istio-system) on Control Plane and Ztunnel; one
 * workload's namespace (single value) on Workload.
 */
const NAMESPACE_MEANING: Record<DashboardKey, 'workloads' | 'workload' | 'component'> = {
  overview: 'workloads',
  mesh: 'workloads',
  service: 'workloads',
  performance: 'workloads',
  wasm: 'workloads',
  workload: 'workload',
  controlPlane: 'component',
  ztunnel: 'component',
};

/**
 * The variables a header link carries: data source and cluster (one meaning everywhere: Istio's cluster id), and
 * `namespace` only where it filters the same thing on both dashboards (a workload's one namespace may go to the
 * multi-value ones, not back), so istio-system never empties a workload dashboard and bookinfo never empties the
 * control plane.
 */
export function headerLinkVariables(from: DashboardKey, to: DashboardKey): string {
  const vars = ['${datasource:queryparam}', '${cluster:queryparam}'];
  const a = NAMESPACE_MEANING[from];
  const b = NAMESPACE_MEANING[to];
  if ((a === b && b !== 'workload') || (a === 'workload' && b === 'workloads')) {
    vars.push('${namespace:queryparam}');
  }
  return vars.join('&');
}

/** Header links to the other bundled dashboards (carrying time range and variables) and to the app pages. */
export function navigationLinks(current: DashboardKey): Array<cog.Builder<DashboardLink>> {
  const dashboards = NAV_ORDER.filter((key) => key !== current).map((key) =>
    new DashboardLinkBuilder(Dashboards[key].title.replace('MeshLens / ', ''))
      .type(DashboardLinkType.Link)
      .url(`${dashboardUrl(key)}?${headerLinkVariables(current, key)}`)
      .icon('dashboard')
      .tooltip(`Open ${Dashboards[key].title}`)
      .includeVars(false)
      .keepTime(true)
  );
  const pages = Object.values(AppPages).map((page) =>
    new DashboardLinkBuilder(page.title)
      .type(DashboardLinkType.Link)
      .url(page.url)
      .icon('apps')
      .tooltip(`MeshLens ${page.title.toLowerCase()}`)
      .keepTime(true)
  );
  return [...dashboards, ...pages].map(inHeader);
}

/** Variables every drill-down carries along, so the target opens on the same data source and time range. */
const CARRIED = '${datasource:queryparam}&${__url_time_range}';

/**
 * A data link to the Service or Workload dashboard for the series or row clicked. `field` is how the value is read:
 * `__field.labels.<label>` in time series, `__data.fields.<column>` in tables. Values are percent-encoded because
 * label values are untrusted. `clusterLabel` names the label holding the cluster of the side the link opens
 * (`destination_cluster` for a destination workload, `source_cluster` for a source workload): the target's cluster
 * variable is set to it, so a workload opens in its own cluster. Without it the current cluster selection is carried
 * (the target's cluster variable has the same meaning: Istio's cluster id).
 */
export function drillDown(
  target: 'service' | 'workload',
  field: (label: string) => string,
  clusterLabel?: string
): cog.Builder<DashboardLink> {
  const params =
    target === 'service'
      ? `var-service=\${${field('destination_service')}:percentencode}`
      : `var-namespace=\${${field('destination_workload_namespace')}:percentencode}&var-workload=\${${field('destination_workload')}:percentencode}`;
  const cluster = clusterLabel ? `var-cluster=\${${field(clusterLabel)}:percentencode}` : '${cluster:queryparam}';
  const title = target === 'service' ? 'Open service dashboard' : 'Open workload dashboard';
  const url = `${dashboardUrl(target)}?${params}&${cluster}&${CARRIED}`;
  // A field data link needs only title and url; the dashboard-link fields the SDK type carries would be noise.
  return { build: () => ({ title, url }) as DashboardLink };
}

/** The same for a source workload (its labels are source_*), opening in the source's cluster. */
export function sourceWorkloadDrillDown(field: (label: string) => string): cog.Builder<DashboardLink> {
  const url =
    `${dashboardUrl('workload')}?var-namespace=\${${field('source_workload_namespace')}:percentencode}` +
    `&var-workload=\${${field('source_workload')}:percentencode}&var-cluster=\${${field('source_cluster')}:percentencode}&${CARRIED}`;
  return { build: () => ({ title: 'Open workload dashboard', url }) as DashboardLink };
}

export const tableField = (column: string) => `__data.fields.${column}`;
export const seriesLabel = (label: string) => `__field.labels.${label}`;
