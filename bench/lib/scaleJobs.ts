/**
 * The queries the dashboards-at-scale bench runs: every target of the bundled dashboards, Istio's seven dashboards'
 * queries (tests/fixtures/istio-dashboard-queries.json) and the app pages' queries (overview, service and workload
 * pages), each interpolated as Grafana would for one picked service and workload with All elsewhere.
 */
import { generateDashboards } from '../../dashboards-src/generate';
import { type DashboardKey } from '../../dashboards-src/lib/ids';
import { interpolate } from '../../dashboards-src/lib/interpolate';
import { overviewDetailQueries, overviewQueries } from '../../src/app/pages/overview/model/overviewQueries';
import {
  detailIdentity,
  detailInboundByPeer,
  detailLatencyQuantile,
  detailOutboundByPeer,
  detailRequestRate,
  detailTcpRate,
  type DetailTarget,
} from '../../src/shared/istio/appQueries';
import { preferRecorded } from '../../src/shared/istio/recordedSeries';
import { istioDashboardJobs, ourDashboardJobs, type QueryJob as Job } from './dashboardCost';

export type { Job };

export interface Pick {
  service: string;
  namespace: string;
  workload: string;
  /** The service's short name (destination_service_name). */
  serviceName: string;
  serviceNamespace: string;
}

/** `raw`: the dashboards' `raw` variable (`.*` reads raw series, `off` the recorded ones). */
export function dashboardJobs(key: DashboardKey, pick: Pick, raw: string, builtins: Record<string, string>): Job[] {
  const picks = { service: pick.service, namespace: pick.namespace, workload: pick.workload, raw };
  return ourDashboardJobs(generateDashboards()[key], picks, builtins);
}

export function istioJobs(pick: Pick, builtins: Record<string, string>): Map<string, Job[]> {
  return new Map(istioDashboardJobs(pick, builtins));
}

/**
 * The detail page's queries (src/app/pages/detail/detailScene.ts `detailQueries`, which imports the scenes runtime
 * and so is not loaded here): the same builders in the same order.
 */
function detailJobs(target: DetailTarget): Job[] {
  return [
    { panel: 'rate', expr: detailRequestRate(target), instant: true },
    { panel: 'p50', expr: detailLatencyQuantile(target, 0.5), instant: true },
    { panel: 'p95', expr: detailLatencyQuantile(target, 0.95), instant: true },
    { panel: 'p99', expr: detailLatencyQuantile(target, 0.99), instant: true },
    { panel: 'inbound', expr: detailInboundByPeer(target), instant: true },
    { panel: 'outbound', expr: detailOutboundByPeer(target), instant: true },
    { panel: 'identity', expr: detailIdentity(target), instant: true },
    { panel: 'tcpIn', expr: detailTcpRate(target, 'in'), instant: true },
    { panel: 'tcpOut', expr: detailTcpRate(target, 'out'), instant: true },
    { panel: 'trend', expr: detailRequestRate(target, '$__rate_interval'), instant: false },
  ];
}

export type AppPage = 'App overview' | 'App service page' | 'App workload page';

/** Istio's dashboard with the same information as each app page. */
export const APP_PAGE_ISTIO: Record<AppPage, string> = {
  'App overview': 'Istio Mesh Dashboard',
  'App service page': 'Istio Service Dashboard',
  'App workload page': 'Istio Workload Dashboard',
};

/** `raw`: the switch value of the pages' recorded-or-raw form (preferRecorded): `.*` raw, `off` recorded. */
export function appJobs(pick: Pick, builtins: Record<string, string>, raw: string): Map<AppPage, Job[]> {
  const all = { defaultNamespaces: [] };
  const overview = [...overviewQueries(all), ...overviewDetailQueries(all)].map((q) => ({
    panel: q.refId,
    expr: q.expr,
    instant: q.instant,
  }));
  const service = detailJobs({ kind: 'service', namespace: pick.serviceNamespace, name: pick.serviceName });
  const workload = detailJobs({ kind: 'workload', namespace: pick.namespace, name: pick.workload });
  const fill = (jobs: Job[]) =>
    jobs.map((j) => ({ ...j, expr: interpolate(preferRecorded(j.expr, raw), {}, builtins) }));
  return new Map<AppPage, Job[]>([
    ['App overview', fill(overview)],
    ['App service page', fill(service)],
    ['App workload page', fill(workload)],
  ]);
}
