import { QueryVariableBuilder, VariableRefresh, VariableSort } from '@grafana/grafana-foundation-sdk/dashboard';
import { eqVar, inVar, re, Reporter, type Matcher } from '../../src/shared/istio/dashboardQueries';
import { latencyQuantile, requestRate, successRatio, tcpByteRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { PROMETHEUS } from '../lib/datasources';
import { drillDown, seriesLabel, sourceWorkloadDrillDown } from '../lib/links';
import { markdown, stat, SUCCESS_THRESHOLDS, timeSeries } from '../lib/panels';
import { peerPanels, quantileQueries } from '../lib/trafficPanels';
import { clusterVariable, singleValueVariable } from '../lib/variables';

// Inbound: the workload is the destination. Outbound: it is the source. Namespace and workload are single values
// matched with `=`; cluster follows the side the workload is on.
const inbound: Matcher[] = [
  re('reporter', Reporter.server),
  eqVar('destination_workload_namespace', 'namespace'),
  eqVar('destination_workload', 'workload'),
  inVar('destination_cluster', 'cluster'),
];
const outbound: Matcher[] = [
  re('reporter', Reporter.client),
  eqVar('source_workload_namespace', 'namespace'),
  eqVar('source_workload', 'workload'),
  inVar('source_cluster', 'cluster'),
];
const inboundBySource: Matcher[] = [
  ...inbound,
  inVar('source_workload_namespace', 'srcns'),
  inVar('source_workload', 'srcwl'),
];
const outboundByService: Matcher[] = [...outbound, inVar('destination_service', 'dstsvc')];

function peerVariable(name: string, label: string, selector: string, labelName: string): QueryVariableBuilder {
  const q = `label_values(istio_requests_total{${selector}}, ${labelName})`;
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

const inboundSel =
  'destination_cluster=~"$cluster", destination_workload_namespace="$namespace", destination_workload="$workload"';
const outboundSel = 'source_cluster=~"$cluster", source_workload_namespace="$namespace", source_workload="$workload"';
const byNs = (side: 'source' | 'destination') =>
  `sum by (${side}_workload_namespace) (istio_requests_total{${side}_cluster=~"$cluster"}) or sum by (${side}_workload_namespace) (istio_tcp_sent_bytes_total{${side}_cluster=~"$cluster"})`;
const byWl = (side: 'source' | 'destination') =>
  `sum by (${side}_workload) (istio_requests_total{${side}_cluster=~"$cluster", ${side}_workload_namespace="$namespace"}) or sum by (${side}_workload) (istio_tcp_sent_bytes_total{${side}_cluster=~"$cluster", ${side}_workload_namespace="$namespace"})`;

const NOTES = `Traffic in and out of one workload (a Deployment, StatefulSet or similar, as Istio names it).

- **Inbound** counts what the workload's proxy (\`destination\`) or its ambient waypoint (\`waypoint\`) saw.
- **Outbound** counts what its proxy reported as a client (\`source\`) or the waypoint in front of the callee.
- TCP panels cover sidecars and ztunnel (ambient L4); byte rates are bytes per second.`;

export const workloadDashboard = () =>
  buildDashboard({
    key: 'workload',
    description:
      'One Istio workload: inbound and outbound request rate, success, duration, size and TCP traffic, by peer.',
    tags: ['workload'],
    variables: [
      clusterVariable(),
      // Workloads that only call others never appear as destinations, hence both sides.
      singleValueVariable(
        'namespace',
        'Namespace',
        `${byNs('destination')} or ${byNs('source')}`,
        '[a-z_]*workload_namespace'
      ),
      singleValueVariable('workload', 'Workload', `${byWl('destination')} or ${byWl('source')}`, '[a-z_]*workload'),
      peerVariable('srcns', 'Inbound namespace', inboundSel, 'source_workload_namespace'),
      peerVariable(
        'srcwl',
        'Inbound workload',
        `${inboundSel}, source_workload_namespace=~"$srcns"`,
        'source_workload'
      ),
      peerVariable('dstsvc', 'Destination service', outboundSel, 'destination_service'),
    ],
    sections: [
      { row: 'General', height: 4, panels: [markdown('About this dashboard', NOTES)] },
      {
        height: 6,
        panels: [
          stat('Incoming request volume', 'Requests per second the workload served.', 'reqps', {
            expr: requestRate(inbound),
          }),
          stat(
            'Incoming success rate',
            'Share of served requests not answered with a 5xx.',
            'percentunit',
            { expr: successRatio(inbound) },
            { thresholds: SUCCESS_THRESHOLDS }
          ),
          timeSeries(
            'Incoming request duration',
            'P50, P90, P95 and P99 duration of requests the workload served, in milliseconds.',
            'ms',
            quantileQueries((q) => latencyQuantile(q, inbound), 'inbound')
          ),
          stat(
            'TCP server traffic',
            'Bytes per second received plus sent on TCP connections the workload accepted.',
            'Bps',
            {
              expr: `${tcpByteRate('received', inbound)} + ${tcpByteRate('sent', inbound)}`,
            }
          ),
          stat(
            'TCP client traffic',
            'Bytes per second sent plus received on TCP connections the workload opened.',
            'Bps',
            {
              expr: `${tcpByteRate('received', outbound)} + ${tcpByteRate('sent', outbound)}`,
            }
          ),
        ],
      },
      {
        row: 'Inbound workloads',
        height: 8,
        widths: [12, 12, 8, 8, 8, 12, 12],
        panels: peerPanels({
          peer: 'source',
          peerLabels: ['source_workload', 'source_workload_namespace'],
          groupOnly: ['source_cluster'],
          matchers: inboundBySource,
          direction: 'Incoming',
          tcpInbound: true,
          links: [sourceWorkloadDrillDown(seriesLabel)],
        }),
      },
      {
        row: 'Outbound services',
        height: 8,
        widths: [12, 12, 8, 8, 8, 12, 12],
        panels: peerPanels({
          peer: 'destination',
          peerLabels: ['destination_service'],
          groupOnly: ['destination_cluster'],
          matchers: outboundByService,
          direction: 'Outgoing',
          tcpInbound: false,
          links: [drillDown('service', seriesLabel, 'destination_cluster')],
        }),
      },
    ],
  });
