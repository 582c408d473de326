import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { inVar, re, Reporter, orZero, topk } from '../../src/shared/istio/dashboardQueries';
import {
  errorRatio,
  latencyQuantile,
  requestRate,
  requestRateByCode,
  successRatio,
  tcpByteRate,
} from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { Dashboards } from '../lib/ids';
import { PROMETHEUS, TRACING } from '../lib/datasources';
import { drillDown, seriesLabel, tableField } from '../lib/links';
import { pluginPanel, stat, SUCCESS_THRESHOLDS, ERROR_RATE_THRESHOLDS, timeSeries } from '../lib/panels';
import { rankedTable } from '../lib/tables';
import { clusterVariable, namespaceVariable, traceIdVariable, tracingVariable } from '../lib/variables';

const traffic = [
  re('reporter', Reporter.client),
  inVar('destination_cluster', 'cluster'),
  inVar('destination_workload_namespace', 'namespace'),
];
const serviceColumns = { destination_service: 'Service' };

/** A Jaeger query for one trace id (no queryType = look up by id), read from the `trace_id` variable. */
const traceById: cog.Builder<cog.Dataquery> = {
  build: () => ({
    refId: 'A',
    datasource: TRACING,
    query: '${trace_id}',
    _implementsDataqueryVariant: () => undefined,
  }),
};

export const overview = () =>
  buildDashboard({
    key: 'overview',
    description:
      'MeshLens start page: mesh-wide RED figures, the traffic graph, the slowest and most failing services, and a trace.',
    tags: ['overview'],
    variables: [
      clusterVariable(),
      namespaceVariable('istio_requests_total', 'destination_workload_namespace', 'destination_cluster'),
      tracingVariable(),
      traceIdVariable(),
    ],
    sections: [
      {
        row: 'Mesh at a glance',
        height: 5,
        panels: [
          stat(
            'Requests',
            'HTTP and gRPC requests per second, counted once per request (client side or waypoint).',
            'reqps',
            { expr: requestRate(traffic) }
          ),
          stat(
            'Success rate',
            'Share of requests not answered with a 5xx.',
            'percentunit',
            { expr: successRatio(traffic) },
            { thresholds: SUCCESS_THRESHOLDS }
          ),
          stat(
            'Errors',
            'Requests per second answered with a 5xx (0 when there were none).',
            'reqps',
            { expr: orZero(requestRateByCode('5..', traffic)) },
            {
              thresholds: ERROR_RATE_THRESHOLDS,
            }
          ),
          stat('P95 latency', 'Mesh-wide 95th percentile request duration.', 'ms', {
            expr: latencyQuantile(0.95, traffic),
          }),
          stat('TCP traffic', 'Bytes per second on TCP connections, both directions.', 'Bps', {
            expr: `${tcpByteRate('received', traffic)} + ${tcpByteRate('sent', traffic)}`,
          }),
        ],
      },
      {
        row: 'Traffic graph',
        height: 14,
        panels: [
          pluginPanel(
            'meshlens-meshgraph-panel',
            'Mesh traffic graph',
            'Workloads and the traffic between them over the picked time range, Kiali style: request rate on edges, health colours from response codes (5xx, 4xx, gRPC, no response) with their reasons. The same grouped queries and model as the app\'s Graph page.',
            PROMETHEUS,
            // No targets: the panel runs the Istio preset itself (the Graph page's grouped queries, a fixed count
            // whatever the number of namespaces) on the dashboard's data source, for the picked namespaces and clusters.
            [],
            // Option names of the mesh graph panel (MeshGraphPanelOptions); its drill-downs open these dashboards.
            // Health thresholds: the panel's defaults (Kiali's); the app config's are not reachable from a dashboard.
            {
              dataMode: 'preset',
              prometheusUid: PROMETHEUS.uid,
              namespaces: '$namespace',
              clusters: '$cluster',
              graphType: 'workload',
              boxByNamespace: true,
              serviceDashboardUid: Dashboards.service.uid,
              workloadDashboardUid: Dashboards.workload.uid,
            }
          ),
        ],
      },
      {
        row: 'Services needing attention',
        height: 9,
        panels: [
          rankedTable(
            'Slowest services',
            'The ten services with the highest P95 request duration. Click a row for its service dashboard.',
            { expr: topk(10, latencyQuantile(0.95, traffic, ['destination_service'])) },
            'P95 latency',
            'ms',
            serviceColumns,
            [drillDown('service', tableField)]
          ),
          rankedTable(
            'Most failing services',
            'The ten services with the highest share of 5xx responses. Click a row for its service dashboard.',
            { expr: topk(10, errorRatio(traffic, ['destination_service'])) },
            'Error rate',
            'percentunit',
            serviceColumns,
            [drillDown('service', tableField)]
          ),
        ],
      },
      {
        row: 'Latency and traces',
        height: 10,
        panels: [
          timeSeries(
            'P95 latency by service',
            'P95 request duration of the ten slowest services at each moment, with exemplars (trace ids of sampled requests).',
            'ms',
            [
              {
                expr: topk(10, latencyQuantile(0.95, traffic, ['destination_service'])),
                legend: '{{destination_service}}',
                exemplar: true,
              },
            ],
            { links: [drillDown('service', seriesLabel)] }
          ),
        ],
      },
      {
        height: 14,
        panels: [
          pluginPanel(
            'meshlens-trace-panel',
            'Trace',
            'The trace whose id is in the Trace ID variable, from the tracing data source.',
            TRACING,
            [traceById],
            { nameColumnWidth: 0.3 }
          ),
        ],
      },
    ],
  });
