import { eq, eqVar, inVar, re, rate, selector, sumBy, type Matcher } from '../../src/shared/istio/dashboardQueries';
import { avgGauge, sumGauge, sumRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { markdown, timeSeries } from '../lib/panels';
import { clusterScope, infraScope } from '../lib/scope';
import { clusterVariable, ISTIO_SYSTEM, namespaceVariable, selectorVariable } from '../lib/variables';

// Pod/app/container names depend on the install and scrape config, so they are variables (controls menu).
const gatewayPods = clusterScope(re('pod', '$gateway_pod'), eqVar('container', 'proxy_container'));
const proxies = infraScope(eqVar('container', 'proxy_container'));
const istiodContainers = clusterScope(re('pod', '$istiod_pod'), re('container', '$istiod_container|$proxy_container'));
const istiod = clusterScope(eqVar('app', 'istiod_app'));
const gatewayRequests: Matcher[] = [
  eq('reporter', 'source'),
  eqVar('source_workload', 'gateway_workload'),
  inVar('source_cluster', 'cluster'),
];
const meshRequests: Matcher[] = [
  re('reporter', 'source|waypoint'),
  inVar('source_cluster', 'cluster'),
  inVar('source_workload_namespace', 'namespace'),
];

const cpu = (m: Matcher[], by: string[] = []) => sumRate('container_cpu_usage_seconds_total', m, by);
// `> 0` drops a zero request rate, so a quiet mesh shows no value instead of +Inf cores per 1k requests.
const perKrps = (cpuExpr: string, requests: Matcher[]) =>
  `${cpuExpr} / (${sumRate('istio_requests_total', requests)} / 1000 > 0)`;

const NOTES = `Resource cost of the mesh: the ingress gateway, the sidecar/waypoint proxies in the selected namespaces, and istiod.

CPU and memory come from cAdvisor (\`container_*\`); the pod, app and container patterns are variables in the dashboard controls menu because they depend on the install and the scrape config. "vCPU per 1k rps" divides proxy CPU by the request rate the same proxies reported.`;

export const performance = () =>
  buildDashboard({
    key: 'performance',
    description: 'CPU, memory and data rates of the Istio gateway, proxies and istiod, and CPU per 1000 requests.',
    tags: ['performance'],
    variables: [
      clusterVariable(),
      // Proxy figures leave istio-system (gateways, ztunnel: their own series) out of All.
      namespaceVariable('container_cpu_usage_seconds_total', 'namespace', 'cluster', ISTIO_SYSTEM),
      selectorVariable(
        'proxy_container',
        'Proxy container',
        'istio-proxy',
        'Container name of Envoy sidecars, gateways and waypoints.'
      ),
      selectorVariable(
        'gateway_pod',
        'Gateway pods',
        'istio-ingressgateway-.*',
        'Regex for the ingress gateway pod names.'
      ),
      selectorVariable(
        'gateway_workload',
        'Gateway workload',
        'istio-ingressgateway',
        'source_workload of the ingress gateway.'
      ),
      selectorVariable('istiod_pod', 'istiod pods', 'istiod-.*', 'Regex for istiod pod names.'),
      selectorVariable(
        'istiod_app',
        'istiod app label',
        'istiod',
        'app label of istiod pods (as relabelled by the scrape config).'
      ),
      selectorVariable('istiod_container', 'istiod container', 'discovery', 'Container name of istiod.'),
    ],
    sections: [
      { row: 'Notes', height: 4, panels: [markdown('About this dashboard', NOTES)] },
      {
        row: 'vCPU usage',
        height: 8,
        panels: [
          timeSeries(
            'vCPU per 1k requests/s',
            'Cores used per 1000 requests per second: the gateway against its own requests, proxies against client-side requests in the selected namespaces.',
            'short',
            [
              { expr: perKrps(cpu(gatewayPods), gatewayRequests), legend: 'ingress gateway' },
              { expr: perKrps(cpu(proxies), meshRequests), legend: 'proxies' },
            ]
          ),
          timeSeries(
            'vCPU',
            'Cores used by the ingress gateway and by all proxies in the selected namespaces.',
            'short',
            [
              { expr: cpu(gatewayPods), legend: 'ingress gateway' },
              { expr: cpu(proxies), legend: 'proxies' },
            ]
          ),
        ],
      },
      {
        row: 'Memory and data rates',
        height: 8,
        panels: [
          timeSeries(
            'Memory per instance',
            'Average working-set memory of one gateway pod and of one proxy container.',
            'bytes',
            [
              {
                expr: avgGauge('container_memory_working_set_bytes', gatewayPods),
                legend: 'per ingress gateway',
              },
              { expr: avgGauge('container_memory_working_set_bytes', proxies), legend: 'per proxy' },
            ]
          ),
          timeSeries(
            'Bytes transferred',
            'HTTP body bytes per second: responses sent by the gateway, and requests plus responses through client-side proxies.',
            'Bps',
            [
              { expr: sumRate('istio_response_bytes_sum', gatewayRequests), legend: 'ingress gateway' },
              {
                expr: `${sumRate('istio_request_bytes_sum', meshRequests)} + ${sumRate('istio_response_bytes_sum', meshRequests)}`,
                legend: 'proxies',
              },
            ]
          ),
        ],
      },
      {
        row: 'Istio component versions',
        height: 8,
        panels: [
          timeSeries(
            'Istio components by version',
            'Running instances of each Istio component per version tag (istio_build).',
            'short',
            [
              {
                expr: sumGauge('istio_build', clusterScope(), ['component', 'tag']),
                legend: '{{component}}: {{tag}}',
              },
            ]
          ),
        ],
      },
      {
        row: 'Proxy resource usage',
        height: 8,
        panels: [
          timeSeries(
            'Proxy memory',
            'Total working-set memory of all proxy containers in the selected namespaces.',
            'bytes',
            [{ expr: sumGauge('container_memory_working_set_bytes', proxies), legend: 'total' }]
          ),
          timeSeries('Proxy vCPU', 'Total cores used by all proxy containers in the selected namespaces.', 'short', [
            { expr: cpu(proxies), legend: 'total' },
          ]),
          timeSeries(
            'Proxy disk',
            'Total filesystem usage of all proxy containers in the selected namespaces.',
            'bytes',
            [{ expr: sumGauge('container_fs_usage_bytes', proxies), legend: 'total' }]
          ),
        ],
      },
      {
        row: 'istiod resource usage',
        height: 8,
        panels: [
          timeSeries(
            'istiod memory',
            'istiod memory as the kernel sees it (container working set, resident, virtual) and as the Go runtime splits it (heap, stack).',
            'bytes',
            [
              { expr: sumBy(['pod'], selector('process_virtual_memory_bytes', istiod)), legend: 'virtual ({{pod}})' },
              { expr: sumBy(['pod'], selector('process_resident_memory_bytes', istiod)), legend: 'resident ({{pod}})' },
              { expr: sumBy(['pod'], selector('go_memstats_heap_sys_bytes', istiod)), legend: 'heap sys ({{pod}})' },
              {
                expr: sumBy(['pod'], selector('go_memstats_heap_alloc_bytes', istiod)),
                legend: 'heap alloc ({{pod}})',
              },
              { expr: sumBy(['pod'], selector('go_memstats_alloc_bytes', istiod)), legend: 'alloc ({{pod}})' },
              {
                expr: sumBy(['pod'], selector('go_memstats_heap_inuse_bytes', istiod)),
                legend: 'heap in use ({{pod}})',
              },
              {
                expr: sumBy(['pod'], selector('go_memstats_stack_inuse_bytes', istiod)),
                legend: 'stack in use ({{pod}})',
              },
              {
                expr: sumBy(['container'], selector('container_memory_working_set_bytes', istiodContainers)),
                legend: '{{container}} (container)',
              },
            ]
          ),
          timeSeries(
            'istiod vCPU',
            'Cores used by istiod containers (cAdvisor) and as istiod reports itself (process_cpu_seconds_total).',
            'short',
            [
              { expr: cpu(istiodContainers, ['container']), legend: '{{container}} (container)' },
              {
                expr: sumBy(['pod'], rate(selector('process_cpu_seconds_total', istiod))),
                legend: 'self-reported ({{pod}})',
              },
            ]
          ),
          timeSeries('istiod disk', 'Filesystem usage of istiod containers.', 'bytes', [
            {
              expr: sumBy(['container'], selector('container_fs_usage_bytes', istiodContainers)),
              legend: '{{container}}',
            },
          ]),
          timeSeries(
            'istiod open files and goroutines',
            'Open file descriptors and goroutines per istiod pod (counts, kept apart from the byte panels).',
            'short',
            [
              { expr: sumBy(['pod'], selector('process_open_fds', istiod)), legend: 'open files ({{pod}})' },
              { expr: sumBy(['pod'], selector('go_goroutines', istiod)), legend: 'goroutines ({{pod}})' },
            ]
          ),
        ],
      },
    ],
  });
