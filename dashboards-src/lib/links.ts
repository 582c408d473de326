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

/** Header links to the other bundled dashboards (carrying time range and variables) and to the app pages. */
export function navigationLinks(current: DashboardKey): Array<cog.Builder<DashboardLink>> {
  const dashboards = NAV_ORDER.filter((key) => key !== current).map((key) =>
    new DashboardLinkBuilder(Dashboards[key].title.replace('MeshLens / ', ''))
      .type(DashboardLinkType.Link)
      .url(dashboardUrl(key))
      .icon('dashboard')
      .tooltip(`Open ${Dashboards[key].title}`)
      .includeVars(true)
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

/** Variables every drill-down carries along, so the target opens on the same data source and cluster. */
const CARRIED = '${datasource:queryparam}&${cluster:queryparam}&${__url_time_range}';

/**
 * A data link to the Service or Workload dashboard for the series or row clicked. `field` is how the value is read:
 * `__field.labels.<label>` in time series, `__data.fields.<column>` in tables. Values are percent-encoded because
 * label values are untrusted.
 */
export function drillDown(
  target: 'service' | 'workload',
  field: (label: string) => string
): cog.Builder<DashboardLink> {
  const params =
    target === 'service'
      ? `var-service=\${${field('destination_service')}:percentencode}`
      : `var-namespace=\${${field('destination_workload_namespace')}:percentencode}&var-workload=\${${field('destination_workload')}:percentencode}`;
  const title = target === 'service' ? 'Open service dashboard' : 'Open workload dashboard';
  const url = `${dashboardUrl(target)}?${params}&${CARRIED}`;
  // A field data link needs only title and url; the dashboard-link fields the SDK type carries would be noise.
  return { build: () => ({ title, url }) as DashboardLink };
}

export const tableField = (column: string) => `__data.fields.${column}`;
export const seriesLabel = (label: string) => `__field.labels.${label}`;
