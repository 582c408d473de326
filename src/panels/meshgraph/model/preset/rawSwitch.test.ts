import { preferRecordedAll, RAW_SWITCH_LABEL } from '../../../../shared/istio/recordedSeries';
import { RAW_SWITCH_LOOKUP, rawSwitchFromLookup } from './rawSwitch';

describe('the preset’s recorded-or-raw switch', () => {
  test('the lookup is the pages’ probe as a query_result variable query', () => {
    expect(RAW_SWITCH_LOOKUP.startsWith('query_result(label_replace(label_replace(count(')).toBe(true);
  });

  test('off when the probe names the recorded side, .* otherwise', () => {
    expect(rawSwitchFromLookup([{ text: '{raw="off", series="recorded"} 1 1700000000000' }, { text: '{raw=".*", series="raw"} 1 1700000000000' }])).toBe('off');
    expect(rawSwitchFromLookup([{ text: '{raw=".*", series="raw"} 1 1700000000000' }])).toBe('.*');
    expect(rawSwitchFromLookup([])).toBe('.*');
  });

  test('a grouped request rate reads the recorded family behind the switch; a query no family answers is left as is', () => {
    const rate = {
      refId: 'r',
      expr: 'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo"} [300s])) by (source_workload_namespace,source_workload,destination_workload_namespace,destination_workload,request_protocol,response_code) > 0',
      instant: true,
    };
    const kube = { refId: 'k', expr: 'max by (namespace,deployment) (kube_deployment_labels{namespace=~"bookinfo"})', instant: true };
    const [wrapped, same] = preferRecordedAll([rate, kube], 'off');
    expect(wrapped.expr).toContain('workload:istio_requests:rate1m{');
    expect(wrapped.expr).toContain(`${RAW_SWITCH_LABEL}=~"off"`);
    expect(wrapped.expr.endsWith(' > 0')).toBe(true);
    expect(same).toEqual(kube);
  });
});
