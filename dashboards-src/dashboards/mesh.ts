import { orZero, re, inVar, Reporter } from '../../src/shared/istio/dashboardQueries';
import { latencyQuantile, requestRate, requestRateByCode, successRatio, sumGauge, tcpByteRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { drillDown, tableField } from '../lib/links';
import { stat, SUCCESS_THRESHOLDS, ERROR_RATE_THRESHOLDS, timeSeries } from '../lib/panels';
import { mergedTable } from '../lib/tables';
import { clusterScope } from '../lib/scope';
import { clusterVariable, namespaceVariable } from '../lib/variables';

// Client-side view (source proxies and waypoints), so each request is counted once.
const traffic = [
  re('reporter', Reporter.client),
  inVar('destination_cluster', 'cluster'),
  inVar('destination_workload_namespace', 'namespace'),
];
// Rows per destination workload AND service: Passthrough, BlackHole and external hosts have no destination workload
// (`unknown`), so without the service they would collapse into one meaningless row.
const workload = [
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'destination_cluster',
];
const workloadColumns = {
  destination_workload: 'Workload',
  destination_workload_namespace: 'Namespace',
  destination_service: 'Service',
  destination_cluster: 'Cluster',
};
// Workload cells open the workload dashboard in the row's cluster, service cells the service dashboard.
const tableOptions = {
  columnLinks: {
    Workload: [drillDown('workload', tableField, 'destination_cluster')],
    Service: [drillDown('service', tableField)],
  },
  hidden: ['Cluster'],
};

export const mesh = () =>
  buildDashboard({
    key: 'mesh',
    description: 'Mesh-wide HTTP, gRPC and TCP traffic per workload, and the Istio versions running.',
    tags: ['mesh'],
    variables: [
      clusterVariable(),
      namespaceVariable('istio_requests_total', 'destination_workload_namespace', 'destination_cluster'),
    ],
    sections: [
      {
        row: 'Global traffic',
        height: 5,
        panels: [
          stat(
            'Request volume',
            'HTTP and gRPC requests per second across the selected namespaces, counted once per request (client side or waypoint).',
            'reqps',
            {
              expr: requestRate(traffic),
            }
          ),
          stat(
            'Success rate',
            'Share of requests not answered with a 5xx.',
            'percentunit',
            { expr: successRatio(traffic) },
            { thresholds: SUCCESS_THRESHOLDS }
          ),
          stat('4xx rate', 'Requests per second answered with a 4xx (0 when there were none).', 'reqps', {
            expr: orZero(requestRateByCode('4..', traffic)),
          }),
          stat(
            '5xx rate',
            'Requests per second answered with a 5xx (0 when there were none).',
            'reqps',
            {
              expr: orZero(requestRateByCode('5..', traffic)),
            },
            { thresholds: ERROR_RATE_THRESHOLDS }
          ),
        ],
      },
      {
        height: 12,
        panels: [
          mergedTable(
            'HTTP/gRPC workloads',
            'Per destination workload and service: request rate, P50/P90/P99 duration and success rate over the last rate window. Passthrough, BlackHole and external hosts (no destination workload) are rows of their own. Click a workload for its workload dashboard, a service for its service dashboard.',
            [
              { refId: 'requests', expr: requestRate(traffic, workload) },
              { refId: 'p50', expr: latencyQuantile(0.5, traffic, workload) },
              { refId: 'p90', expr: latencyQuantile(0.9, traffic, workload) },
              { refId: 'p99', expr: latencyQuantile(0.99, traffic, workload) },
              { refId: 'success', expr: successRatio(traffic, workload) },
            ],
            [
              { refId: 'requests', title: 'Requests', unit: 'reqps' },
              { refId: 'p50', title: 'P50 latency', unit: 'ms' },
              { refId: 'p90', title: 'P90 latency', unit: 'ms' },
              { refId: 'p99', title: 'P99 latency', unit: 'ms' },
              { refId: 'success', title: 'Success rate', unit: 'percentunit', success: true },
            ],
            workloadColumns,
            [],
            tableOptions
          ),
        ],
      },
      {
        height: 10,
        panels: [
          mergedTable(
            'TCP workloads',
            'Per destination workload and service: bytes per second received from and sent to clients on TCP connections (bytes, not bits). Click a workload or a service for its dashboard.',
            [
              { refId: 'received', expr: tcpByteRate('received', traffic, workload) },
              { refId: 'sent', expr: tcpByteRate('sent', traffic, workload) },
            ],
            [
              { refId: 'received', title: 'Bytes received', unit: 'Bps' },
              { refId: 'sent', title: 'Bytes sent', unit: 'Bps' },
            ],
            workloadColumns,
            [],
            tableOptions
          ),
        ],
      },
      {
        row: 'Istio component versions',
        height: 8,
        panels: [
          timeSeries(
            'Istio components by version',
            'Running instances of each Istio component (istiod, proxies, ztunnel) per version tag, from istio_build.',
            'short',
            [
              {
                expr: sumGauge('istio_build', clusterScope(), ['component', 'tag']),
                legend: '{{component}} ({{tag}})',
              },
            ]
          ),
        ],
      },
    ],
  });
