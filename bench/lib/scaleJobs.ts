/**
 * The queries the dashboards-at-scale bench runs: every target of the bundled dashboards, Istio's seven dashboards'
 * queries (tests/fixtures/istio-dashboard-queries.json) and the app pages' queries (overview, service and workload
 * pages), each interpolated as Grafana would for one picked service and workload with All elsewhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDashboards } from '../../dashboards-src/generate';
import { type DashboardKey } from '../../dashboards-src/lib/ids';
import { promTargets, variablesOf } from '../../dashboards-src/lib/inspect';
import { interpolate, type VariableValue } from '../../dashboards-src/lib/interpolate';
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

export interface Job {
  panel: string;
  expr: string;
  instant: boolean;
}

export interface Pick {
  service: string;
  namespace: string;
  workload: string;
  /** The service's short name (destination_service_name). */
  serviceName: string;
  serviceNamespace: string;
}

/** `raw`: the dashboards' `raw` variable (`.*` reads raw series, `off` the recorded ones). */
export function dashboardJobs(
  key: DashboardKey,
  pick: Pick,
  raw: string,
  builtins: Record<string, string>
): Job[] {
  const dash = generateDashboards()[key];
  const picks: Record<string, string> = { service: pick.service, namespace: pick.namespace, workload: pick.workload };
  const values: Record<string, VariableValue> = {};
  for (const v of variablesOf(dash)) {
    const current = typeof v.current?.value === 'string' ? v.current.value : '';
    const picked = v.name === 'raw' ? raw : picks[v.name];
    values[v.name] = {
      values: picked !== undefined && !v.multi ? [picked] : v.includeAll ? ['$__all'] : [current],
      multi: !!v.multi,
      includeAll: !!v.includeAll,
      allValue: v.allValue,
    };
  }
  return promTargets(dash).map((t) => ({
    panel: t.panel,
    expr: interpolate(t.expr, values, builtins),
    instant: t.instant,
  }));
}

export function istioJobs(pick: Pick, builtins: Record<string, string>): Map<string, Job[]> {
  const file = JSON.parse(
    readFileSync(resolve(__dirname, '..', '..', 'tests', 'fixtures', 'istio-dashboard-queries.json'), 'utf8')
  ) as { dashboards: Array<{ title: string; queries: Job[] }> };
  const all = { values: ['$__all'], multi: true, includeAll: true, allValue: '.*' };
  const single = (v: string) => ({ values: [v], multi: false, includeAll: false });
  const values: Record<string, VariableValue> = {
    qrep: { values: ['source', 'destination'], multi: true, includeAll: false },
    service: single(pick.service),
    namespace: single(pick.namespace),
    workload: single(pick.workload),
    srcns: all,
    srcwl: all,
    srccluster: all,
    dstns: all,
    dstwl: all,
    dstcluster: all,
    dstsvc: all,
  };
  return new Map(
    file.dashboards.map((d) => [d.title, d.queries.map((q) => ({ ...q, expr: interpolate(q.expr, values, builtins) }))])
  );
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

export function appJobs(pick: Pick, builtins: Record<string, string>): Map<AppPage, Job[]> {
  const all = { defaultNamespaces: [] };
  const overview = [...overviewQueries(all), ...overviewDetailQueries(all)].map((q) => ({
    panel: q.refId,
    expr: q.expr,
    instant: q.instant,
  }));
  const service = detailJobs({ kind: 'service', namespace: pick.serviceNamespace, name: pick.serviceName });
  const workload = detailJobs({ kind: 'workload', namespace: pick.namespace, name: pick.workload });
  const fill = (jobs: Job[]) => jobs.map((j) => ({ ...j, expr: interpolate(j.expr, {}, builtins) }));
  return new Map<AppPage, Job[]>([
    ['App overview', fill(overview)],
    ['App service page', fill(service)],
    ['App workload page', fill(workload)],
  ]);
}
