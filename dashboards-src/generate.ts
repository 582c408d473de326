/** Every bundled dashboard, generated in memory. build.ts writes them; the tests compare and inspect them. */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { controlPlane } from './dashboards/controlPlane';
import { mesh } from './dashboards/mesh';
import { overview } from './dashboards/overview';
import { performance } from './dashboards/performance';
import { serviceDashboard } from './dashboards/service';
import { wasm } from './dashboards/wasm';
import { workloadDashboard } from './dashboards/workload';
import { ztunnelDashboard } from './dashboards/ztunnel';
import type { DashboardKey } from './lib/ids';

const GENERATORS: Record<DashboardKey, () => Dashboard> = {
  overview,
  mesh,
  service: serviceDashboard,
  workload: workloadDashboard,
  performance,
  controlPlane,
  wasm,
  ztunnel: ztunnelDashboard,
};

export function generateDashboards(): Record<DashboardKey, Dashboard> {
  return Object.fromEntries(Object.entries(GENERATORS).map(([key, gen]) => [key, gen()])) as Record<
    DashboardKey,
    Dashboard
  >;
}
