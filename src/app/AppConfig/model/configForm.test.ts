import { FieldType, createDataFrame } from '@grafana/data';
import { resolveSettings } from '../../../shared/settings';
import { toForm, toJsonData, validateForm } from './configForm';
import { explainPrometheusTest, explainTraceTest } from './explainTest';

const form = () => toForm(resolveSettings({}));

describe('config form', () => {
  test('defaults validate and round-trip into jsonData', () => {
    const f = form();
    expect(validateForm(f)).toEqual({});
    expect(resolveSettings(toJsonData(f))).toEqual(resolveSettings({}));
  });

  test('explains each bad field', () => {
    const f = form();
    const errors = validateForm({ ...f, prometheusUid: '', thresholds: { ...f.thresholds, '5xx': { degraded: '10', failure: '5' } }, defaultNamespaces: ['ok', 'Bad_NS'], app: '1app' });
    expect(errors).toEqual({
      prometheusUid: 'Choose the Prometheus data source that scrapes Istio.',
      '5xx.failure': '5xx failure: Must be at least the degraded threshold (10 %).',
      defaultNamespaces: 'Not a Kubernetes namespace name: Bad_NS',
      app: '"1app" is not a Prometheus label name (letters, digits, _; not starting with a digit).',
    });
    expect(validateForm({ ...f, thresholds: { ...f.thresholds, grpc: { degraded: 'abc', failure: '101' }, noResponse: { degraded: '', failure: '0' } } })).toEqual({
      'grpc.degraded': 'gRPC errors degraded: A percentage from 0 to 100 (0: any error degrades).',
      'grpc.failure': 'gRPC errors failure: A percentage above 0, at most 100.',
      'noResponse.degraded': 'no response degraded: A percentage from 0 to 100 (0: any error degrades).',
      'noResponse.failure': 'no response failure: A percentage above 0, at most 100.',
    });
  });

  test('stores thresholds as numbers and the label mapping', () => {
    const f = form();
    expect(toJsonData({ ...f, thresholds: { ...f.thresholds, '5xx': { degraded: '0.5', failure: '3' } }, pod: 'pod_name', defaultNamespaces: ['shop'] })).toEqual({
      prometheusUid: 'meshlens-prometheus',
      traceUid: 'meshlens-jaeger',
      thresholds: {
        '5xx': { degraded: 0.5, failure: 3 },
        '4xx': { degraded: 10, failure: 20 },
        grpc: { degraded: 0, failure: 10 },
        noResponse: { degraded: 0, failure: 10 },
      },
      defaultNamespaces: ['shop'],
      labelMapping: { pod: 'pod_name', app: 'app', container: 'container' },
    });
  });
});

describe('test explanations', () => {
  const count = (ns: string, n: number) =>
    createDataFrame({ fields: [{ name: 'Value', type: FieldType.number, values: [n], labels: { destination_workload_namespace: ns } }] });

  test('counts series and namespaces', () => {
    expect(explainPrometheusTest([count('a', 3), count('b', 2)], undefined)).toEqual({ ok: true, message: 'Prometheus answered: 5 Istio request series in 2 namespaces.' });
  });

  test('reachable but no Istio metrics', () => {
    expect(explainPrometheusTest([], undefined)).toMatchObject({ ok: false, message: expect.stringContaining('no istio_requests_total series') });
  });

  test('errors carry the reason', () => {
    expect(explainPrometheusTest(undefined, 'connect ECONNREFUSED')).toMatchObject({ ok: false, message: expect.stringContaining('The query failed: connect ECONNREFUSED') });
    expect(explainTraceTest(undefined, 'not found')).toEqual({ ok: false, message: 'The trace data source could not be tested: not found' });
    expect(explainTraceTest({ status: 'error', message: 'bad gateway' }, undefined)).toEqual({ ok: false, message: 'The trace data source reported a problem: bad gateway' });
  });
});
