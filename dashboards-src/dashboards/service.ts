import { eqVar, inVar, re, Reporter, type Matcher } from '../../src/shared/istio/dashboardQueries';
import { latencyQuantile, requestRate, successRatio, tcpByteRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { drillDown, seriesLabel, sourceWorkloadDrillDown } from '../lib/links';
import { markdown, stat, SUCCESS_THRESHOLDS, timeSeries } from '../lib/panels';
import { peerPanels, quantileQueries } from '../lib/trafficPanels';
import { clusterVariable, namespaceVariable, singleValueVariable } from '../lib/variables';
import { QueryVariableBuilder, VariableRefresh, VariableSort } from '@grafana/grafana-foundation-sdk/dashboard';
import { PROMETHEUS } from '../lib/datasources';

const service = [
  eqVar('destination_service', 'service'),
  inVar('destination_cluster', 'cluster'),
  inVar('destination_service_namespace', 'namespace'),
];
const client: Matcher[] = [re('reporter', Reporter.client), ...service];
const server: Matcher[] = [re('reporter', Reporter.server), ...service];
const bySource: Matcher[] = [...client, inVar('source_workload_namespace', 'srcns'), inVar('source_workload', 'srcwl')];
const byWorkload: Matcher[] = [...server, inVar('destination_workload', 'dstwl')];

const scope = 'destination_cluster=~"$cluster", destination_service_namespace=~"$namespace"';
const perService = `${scope}, destination_service="$service"`;

function peerVariable(name: string, label: string, labelName: string, extra = ''): QueryVariableBuilder {
  const q = `label_values(istio_requests_total{${perService}${extra}}, ${labelName})`;
  return new QueryVariableBuilder(name)
    .label(label)
    .datasource(PROMETHEUS)
    .query(q)
    .definition(q)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ text: 'All', value: '$__all' });
}

const NOTES = `Traffic to one service (the \`destination_service\` host, including ServiceEntry hosts such as \`*.example.com\`).

- **Client** figures count each request once at the caller: sidecars report \`source\`, ambient waypoints report \`waypoint\`.
- **Server** figures are what the service's own proxies (\`destination\`) or its waypoint saw.
- Durations are in milliseconds from \`istio_request_duration_milliseconds\`; series are split by connection security (\`mutual_tls\` or not).`;

export const serviceDashboard = () =>
  buildDashboard({
    key: 'service',
    description:
      'One Istio service: client and server request rate, success, duration, size and TCP traffic, by client and by serving workload.',
    tags: ['service'],
    variables: [
      clusterVariable(),
      namespaceVariable('istio_requests_total', 'destination_service_namespace', 'destination_cluster'),
      singleValueVariable(
        'service',
        'Service',
        `sum by (destination_service) (istio_requests_total{${scope}}) or sum by (destination_service) (istio_tcp_sent_bytes_total{${scope}})`,
        'destination_service'
      ),
      peerVariable('srcns', 'Client namespace', 'source_workload_namespace'),
      peerVariable('srcwl', 'Client workload', 'source_workload', ', source_workload_namespace=~"$srcns"'),
      peerVariable('dstwl', 'Service workload', 'destination_workload'),
    ],
    sections: [
      { row: 'General', height: 4, panels: [markdown('About this dashboard', NOTES)] },
      {
        height: 6,
        panels: [
          stat(
            'Client request volume',
            'Requests per second to this service, counted at the callers (source or waypoint).',
            'reqps',
            { expr: requestRate(client) }
          ),
          stat(
            'Client success rate',
            'Share of client-side requests not answered with a 5xx.',
            'percentunit',
            { expr: successRatio(client) },
            { thresholds: SUCCESS_THRESHOLDS }
          ),
          timeSeries(
            'Client request duration',
            'P50, P90, P95 and P99 request duration seen by callers, in milliseconds.',
            'ms',
            quantileQueries((q) => latencyQuantile(q, client), 'client')
          ),
          stat(
            'TCP bytes received',
            'Bytes per second the service received on TCP connections, counted at the callers.',
            'Bps',
            { expr: tcpByteRate('received', client) }
          ),
        ],
      },
      {
        height: 6,
        panels: [
          stat('Server request volume', 'Requests per second the service’s proxies or waypoint handled.', 'reqps', {
            expr: requestRate(server),
          }),
          stat(
            'Server success rate',
            'Share of server-side requests not answered with a 5xx.',
            'percentunit',
            { expr: successRatio(server) },
            { thresholds: SUCCESS_THRESHOLDS }
          ),
          timeSeries(
            'Server request duration',
            'P50, P90, P95 and P99 request duration seen by the service side, in milliseconds.',
            'ms',
            quantileQueries((q) => latencyQuantile(q, server), 'server')
          ),
          stat(
            'TCP bytes sent',
            'Bytes per second the service sent on TCP connections, counted at the callers.',
            'Bps',
            { expr: tcpByteRate('sent', client) }
          ),
        ],
      },
      {
        row: 'Client workloads',
        height: 8,
        widths: [12, 12, 8, 8, 8, 12, 12],
        panels: peerPanels({
          peer: 'client',
          peerLabels: ['source_workload', 'source_workload_namespace'],
          groupOnly: ['source_cluster'],
          matchers: bySource,
          direction: 'Incoming',
          tcpInbound: true,
          links: [sourceWorkloadDrillDown(seriesLabel)],
        }),
      },
      {
        row: 'Service workloads',
        height: 8,
        widths: [12, 12, 8, 8, 8, 12, 12],
        panels: peerPanels({
          peer: 'service workload',
          peerLabels: ['destination_workload', 'destination_workload_namespace'],
          groupOnly: ['destination_cluster'],
          matchers: byWorkload,
          direction: 'Incoming',
          tcpInbound: true,
          links: [drillDown('workload', seriesLabel, 'destination_cluster')],
        }),
      },
    ],
  });
