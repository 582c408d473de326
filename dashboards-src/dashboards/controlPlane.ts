import { eq, eqVar, re, rate, selector, sumBy } from '../../src/shared/istio/dashboardQueries';
import { XDS_CLUSTER } from '../../src/shared/istio/recordedInfra';
import { sumGauge, sumRate } from '../lib/recorded';
import { buildDashboard } from '../lib/dashboard';
import { heatmap, timeSeries } from '../lib/panels';
import { clusterScope, infraScope } from '../lib/scope';
import { clusterVariable, namespaceVariable, selectorVariable } from '../lib/variables';

// istiod's own series carry the scrape-config `cluster`/`namespace`/`app`/`pod` labels; `namespace` here is the
// control plane's namespace (istio-system, or one per revision).
const istiod = infraScope(eqVar('app', 'istiod_app'));
const istiodContainer = infraScope(eqVar('container', 'istiod_container'), re('pod', '$istiod_pod'));
const pilot = infraScope();

export const controlPlane = () =>
  buildDashboard({
    key: 'controlPlane',
    description:
      'istiod health: versions, resources, xDS pushes, config events, proxy connections, push latency and size, webhooks.',
    tags: ['control-plane'],
    variables: [
      clusterVariable(),
      namespaceVariable('istio_build{component="pilot"}', 'namespace', 'cluster'),
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
      {
        row: 'Deployed versions',
        height: 5,
        panels: [
          timeSeries(
            'istiod versions',
            'Running istiod instances per version tag (istio_build{component="pilot"}).',
            'short',
            [
              {
                expr: sumBy(['tag'], selector('istio_build', infraScope(eq('component', 'pilot')))),
                legend: 'Version ({{tag}})',
              },
            ]
          ),
        ],
      },
      {
        row: 'Resource usage',
        height: 8,
        panels: [
          timeSeries('Memory usage', 'Per istiod pod: container working set, and the Go heap and stack.', 'bytes', [
            {
              expr: sumBy(['pod'], selector('container_memory_working_set_bytes', istiodContainer)),
              legend: 'Container ({{pod}})',
            },
            { expr: sumBy(['pod'], selector('go_memstats_stack_inuse_bytes', istiod)), legend: 'Stack ({{pod}})' },
            { expr: sumBy(['pod'], selector('go_memstats_heap_inuse_bytes', istiod)), legend: 'Heap in use ({{pod}})' },
            {
              expr: sumBy(['pod'], selector('go_memstats_heap_alloc_bytes', istiod)),
              legend: 'Heap allocated ({{pod}})',
            },
          ]),
          timeSeries(
            'Memory allocations',
            'Per istiod pod: bytes allocated per second, and objects allocated per second.',
            'Bps',
            [
              {
                expr: sumBy(['pod'], rate(selector('go_memstats_alloc_bytes_total', istiod))),
                legend: 'Bytes ({{pod}})',
              },
              {
                expr: sumBy(['pod'], rate(selector('go_memstats_mallocs_total', istiod))),
                legend: 'Objects ({{pod}})',
                refId: 'objects',
              },
            ]
          ).overrideByQuery('objects', [{ id: 'unit', value: 'cps' }]),
          timeSeries('CPU usage', 'Cores used per istiod pod (cAdvisor).', 'short', [
            {
              expr: sumBy(['pod'], rate(selector('container_cpu_usage_seconds_total', istiodContainer))),
              legend: 'Container ({{pod}})',
            },
          ]),
          timeSeries('Goroutines', 'Goroutines per istiod pod; steady growth suggests a leak.', 'short', [
            { expr: sumBy(['pod'], selector('go_goroutines', istiod)), legend: 'Goroutines ({{pod}})' },
          ]),
        ],
      },
      {
        row: 'Push information',
        height: 8,
        panels: [
          timeSeries(
            'xDS pushes',
            'xDS pushes per second by type (cds, eds, lds, rds, ... and ambient wds/wads). Counted once per proxy.',
            'ops',
            [{ expr: sumRate('pilot_xds_pushes', pilot, ['type']), legend: '{{type}}' }],
            { bars: true }
          ),
          timeSeries(
            'Events',
            'Kubernetes registry and config events istiod processed, and the push triggers they caused, per second.',
            'ops',
            [
              {
                expr: sumRate('pilot_k8s_reg_events', pilot, ['type', 'event']),
                legend: 'registry {{event}} {{type}}',
              },
              { expr: sumRate('pilot_k8s_cfg_events', pilot, ['type', 'event']), legend: 'config {{event}} {{type}}' },
              { expr: sumRate('pilot_push_triggers', pilot, ['type']), legend: 'push {{type}}' },
            ]
          ),
          timeSeries(
            'Connections',
            'xDS connections as the proxies report them (envoy xds-grpc upstream) and as istiod counts them (pilot_xds); the two should match.',
            'short',
            [
              {
                expr: sumGauge('envoy_cluster_upstream_cx_active', clusterScope(XDS_CLUSTER)),
                legend: 'client reported',
              },
              { expr: sumBy([], selector('pilot_xds', pilot)), legend: 'server reported' },
            ]
          ),
          timeSeries(
            'Push errors',
            'Rejected configs (NACKs) by type and istiod internal errors, per second. Any sustained value needs investigating.',
            'ops',
            [
              { expr: sumRate('pilot_total_xds_rejects', pilot, ['type']), legend: 'Rejected config ({{type}})' },
              { expr: sumRate('pilot_total_xds_internal_errors', pilot), legend: 'Internal errors' },
            ]
          ),
        ],
      },
      {
        height: 8,
        panels: [
          heatmap('Push time', 'Distribution of the time one xDS push takes (pilot_xds_push_time).', 's', {
            expr: sumRate('pilot_xds_push_time_bucket', pilot, ['le']),
          }),
          heatmap('Push size', 'Distribution of the size of one xDS push (pilot_xds_config_size_bytes).', 'bytes', {
            expr: sumRate('pilot_xds_config_size_bytes_bucket', pilot, ['le']),
          }),
        ],
      },
      {
        row: 'Webhooks',
        height: 8,
        panels: [
          timeSeries('Validation', 'Config validation webhook admissions per second, passed and failed.', 'ops', [
            { expr: sumRate('galley_validation_passed', pilot), legend: 'Success' },
            { expr: sumRate('galley_validation_failed', pilot), legend: 'Failure' },
          ]),
          timeSeries('Injection', 'Sidecar injection webhook calls per second, succeeded and failed.', 'ops', [
            { expr: sumRate('sidecar_injection_success_total', pilot), legend: 'Success' },
            { expr: sumRate('sidecar_injection_failure_total', pilot), legend: 'Failure' },
          ]),
        ],
      },
    ],
  });
