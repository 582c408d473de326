import { eq, eqVar, re, selector, sumBy, sumRate, type Matcher } from '../../src/shared/istio/dashboardQueries';
import { buildDashboard } from '../lib/dashboard';
import { timeSeries } from '../lib/panels';
import { infraScope } from '../lib/scope';
import { clusterVariable, namespaceVariable, selectorVariable } from '../lib/variables';

// ztunnel's series carry the scrape-config pod/app/namespace/cluster labels; `namespace` is ztunnel's own.
const ztunnel: Matcher[] = infraScope(re('pod', '$ztunnel_pod'));
const container: Matcher[] = infraScope(re('pod', '$ztunnel_pod'), eqVar('container', 'ztunnel_container'));
const byPod = ['pod'];

export const ztunnelDashboard = () =>
  buildDashboard({
    key: 'ztunnel',
    description:
      'Ambient mode node proxies (ztunnel): versions, resources, L4 connections and bytes, DNS, xDS and the workloads they serve.',
    tags: ['ztunnel', 'ambient'],
    variables: [
      clusterVariable(),
      namespaceVariable('istio_build{component="ztunnel"}', 'namespace', 'cluster'),
      selectorVariable('ztunnel_pod', 'ztunnel pods', 'ztunnel-.*', 'Regex for ztunnel pod names.'),
      selectorVariable('ztunnel_container', 'ztunnel container', 'istio-proxy', 'Container name of ztunnel.'),
    ],
    sections: [
      {
        row: 'Process',
        height: 8,
        panels: [
          timeSeries('ztunnel versions', 'Running ztunnel instances per version tag.', 'short', [
            {
              expr: sumBy(['tag'], selector('istio_build', infraScope(eq('component', 'ztunnel')))),
              legend: 'Version ({{tag}})',
            },
          ]),
          timeSeries('Memory usage', 'Working-set memory per ztunnel pod.', 'bytes', [
            {
              expr: sumBy(byPod, selector('container_memory_working_set_bytes', container)),
              legend: 'Container ({{pod}})',
            },
          ]),
          timeSeries('CPU usage', 'Cores used per ztunnel pod.', 'short', [
            { expr: sumRate('container_cpu_usage_seconds_total', container, byPod), legend: 'Container ({{pod}})' },
          ]),
        ],
      },
      {
        row: 'Network',
        height: 8,
        panels: [
          timeSeries(
            'Connections',
            'TCP connections opened (above the axis) and closed (below) per second, per ztunnel pod.',
            'cps',
            [
              { expr: sumRate('istio_tcp_connections_opened_total', ztunnel, byPod), legend: 'Opened ({{pod}})' },
              { expr: `-${sumRate('istio_tcp_connections_closed_total', ztunnel, byPod)}`, legend: 'Closed ({{pod}})' },
            ]
          ),
          timeSeries(
            'Bytes transmitted',
            'Bytes per second sent and received on proxied connections, per ztunnel pod.',
            'Bps',
            [
              { expr: sumRate('istio_tcp_sent_bytes_total', ztunnel, byPod), legend: 'Sent ({{pod}})' },
              { expr: sumRate('istio_tcp_received_bytes_total', ztunnel, byPod), legend: 'Received ({{pod}})' },
            ]
          ),
          timeSeries('DNS requests', 'DNS queries per second answered by the ztunnel DNS proxy, per pod.', 'reqps', [
            { expr: sumRate('istio_dns_requests_total', ztunnel, byPod), legend: 'Requests ({{pod}})' },
          ]),
        ],
      },
      {
        height: 8,
        panels: [
          timeSeries(
            'L4 traffic by workload pair',
            'Bytes per second between workloads as the destination ztunnel reports them: the ambient L4 view Istio’s dashboards lack.',
            'Bps',
            [
              {
                expr: sumRate(
                  'istio_tcp_received_bytes_total',
                  [...ztunnel, eq('reporter', 'destination')],
                  [
                    'source_workload',
                    'source_workload_namespace',
                    'destination_workload',
                    'destination_workload_namespace',
                  ]
                ),
                legend:
                  '{{source_workload}}.{{source_workload_namespace}} → {{destination_workload}}.{{destination_workload_namespace}}',
              },
            ]
          ),
        ],
      },
      {
        row: 'Operations',
        height: 8,
        panels: [
          timeSeries(
            'xDS connection terminations',
            'xDS stream terminations per second by reason; a periodic spike per pod (about every 30 min) is the normal reconnect.',
            'ops',
            [
              {
                expr: sumRate('istio_xds_connection_terminations_total', ztunnel, ['pod', 'reason']),
                legend: '{{reason}} ({{pod}})',
              },
            ]
          ),
          timeSeries(
            'xDS pushes',
            'xDS messages per second received by ztunnel, by resource type URL.',
            'ops',
            [{ expr: sumRate('istio_xds_message_total', ztunnel, ['url']), legend: '{{url}}' }],
            { bars: true }
          ),
          timeSeries(
            'Workload manager',
            'Workloads (pods) each ztunnel serves, active and still pending; pending should drop to zero quickly.',
            'short',
            [
              {
                expr: sumBy(byPod, selector('workload_manager_active_proxy_count', ztunnel)),
                legend: 'Active ({{pod}})',
              },
              {
                expr: sumBy(byPod, selector('workload_manager_pending_proxy_count', ztunnel)),
                legend: 'Pending ({{pod}})',
              },
            ]
          ),
        ],
      },
      {
        row: 'Network resources',
        height: 8,
        panels: [
          timeSeries(
            'Resource usage',
            'Open TCP connections (opened minus closed), open file descriptors and open sockets per ztunnel pod.',
            'short',
            [
              {
                expr: `${sumBy(byPod, selector('istio_tcp_connections_opened_total', ztunnel))} - ${sumBy(byPod, selector('istio_tcp_connections_closed_total', ztunnel))}`,
                legend: 'TCP connections ({{pod}})',
              },
              { expr: sumBy(byPod, selector('process_open_fds', ztunnel)), legend: 'Open file descriptors ({{pod}})' },
              { expr: sumBy(byPod, selector('istio_tcp_sockets_open', ztunnel)), legend: 'Open sockets ({{pod}})' },
            ]
          ),
        ],
      },
    ],
  });
