import { renderHook, waitFor } from '@testing-library/react';
import { Observable, of, throwError } from 'rxjs';
import { createDataFrame, dateTime, LoadingState, type DataQueryRequest, type DataQueryResponse, type PanelData, type TimeRange } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { defaultMeshGraphPanelOptions, type MeshGraphPanelOptions } from '../types';
import { RAW_SWITCH_LOOKUP } from '../model/preset/rawSwitch';
import { usePresetData, type PresetContext } from './usePresetData';

const range: TimeRange = { from: dateTime(1_700_000_000_000), to: dateTime(1_700_000_600_000), raw: { from: 'now-10m', to: 'now' } };
const frame = createDataFrame({ refId: 'x', fields: [{ name: 'Value', values: [1] }] });

/** A data source service with one Prometheus whose answer the test chooses; requests are recorded. */
function install(answer: (req: DataQueryRequest) => Observable<DataQueryResponse>, uids = ['meshlens-prometheus'], labelValues: string[] = [], probe: () => string[] = () => []) {
  const requests: DataQueryRequest[] = [];
  const asked: Array<string | undefined> = [];
  const lookups: Array<{ query: string; range?: TimeRange }> = [];
  const srv = {
    getInstanceSettings: (uid: string) => (uids.includes(uid) ? { uid } : undefined),
    get: async (uid?: string) => {
      asked.push(uid);
      return {
        uid: uid ?? 'default-prom',
        type: 'prometheus',
        name: 'Prom',
        query: (req: DataQueryRequest) => (requests.push(req), answer(req)),
        metricFindQuery: async (query: string, o?: { range?: TimeRange }) => (
          lookups.push({ query, range: o?.range }), (query.startsWith('query_result(') ? probe() : labelValues).map((text) => ({ text }))
        ),
      };
    },
  };
  setDataSourceSrv(srv as unknown as DataSourceSrv);
  return { requests, asked, lookups };
}

function ctx(over: Partial<PresetContext> = {}): PresetContext {
  const data = { state: LoadingState.Done, series: [], timeRange: range, request: { scopedVars: { ns: { text: 'bookinfo', value: 'bookinfo' } }, interval: '30s', intervalMs: 30000 } } as unknown as PanelData;
  return { panelId: 3, data, timeRange: range, timeZone: 'utc', width: 800, replaceVariables: (s, vars) => s.replace('$ns', String(vars?.ns?.value ?? '')), ...over };
}

const preset = (o: Partial<MeshGraphPanelOptions> = {}): MeshGraphPanelOptions => ({ ...defaultMeshGraphPanelOptions, dataMode: 'preset', namespaces: '$ns', ...o });

describe('usePresetData', () => {
  it('is off in panel-query mode and asks no data source', () => {
    const { asked } = install(() => of({ data: [frame] }));
    const { result } = renderHook(() => usePresetData({ ...defaultMeshGraphPanelOptions }, ctx()));
    expect(result.current).toEqual({ status: 'off' });
    expect(asked).toEqual([]);
  });

  it("runs the preset on the app's Prometheus with the panel's range, interval and variables", async () => {
    const { requests, asked } = install(() => of({ data: [frame], state: LoadingState.Done }));
    const { result } = renderHook(() => usePresetData(preset(), ctx()));
    expect(result.current).toEqual({ status: 'loading' });
    await waitFor(() => expect(result.current).toEqual({ status: 'done', series: [frame], namespaces: ['bookinfo'] }));
    expect(asked).toEqual(['meshlens-prometheus']);
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.range).toBe(range);
    expect(req).toMatchObject({ interval: '30s', intervalMs: 30000, panelId: 3, scopedVars: { ns: { value: 'bookinfo' } } });
    expect(req.targets).toHaveLength(12);
    expect((req.targets[1] as unknown as { expr: string }).expr).toContain('destination_workload_namespace="bookinfo"');
    expect(req.targets[0].datasource).toEqual({ type: 'prometheus', uid: 'meshlens-prometheus' });
  });

  it('replaces the cluster variable into a cluster filter', async () => {
    const { requests } = install(() => of({ data: [frame], state: LoadingState.Done }));
    const replace: PresetContext['replaceVariables'] = (text, vars) => text.replace('$ns', String(vars?.ns?.value ?? '')).replace('$cluster', 'east,west');
    const { result } = renderHook(() => usePresetData(preset({ clusters: '$cluster' }), ctx({ replaceVariables: replace })));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect((requests[0].targets[1] as unknown as { expr: string }).expr).toContain('destination_workload_namespace="bookinfo",destination_cluster=~"east|west"}');
  });

  it("falls back to Grafana's default data source when the app's Prometheus does not exist, and uses a chosen one first", async () => {
    const { asked } = install(() => of({ data: [] }), []);
    const { result, rerender } = renderHook((o: MeshGraphPanelOptions) => usePresetData(o, ctx()), { initialProps: preset() });
    await waitFor(() => expect(result.current.status).toBe('done'));
    rerender(preset({ prometheusUid: 'other' }));
    await waitFor(() => expect(asked).toEqual([undefined, 'other']));
  });

  it('unsubscribes the request in flight when the range changes and on unmount', async () => {
    let subscribed = 0;
    let unsubscribed = 0;
    install(() => new Observable<DataQueryResponse>(() => (subscribed++, () => unsubscribed++)));
    const { rerender, unmount } = renderHook((c: PresetContext) => usePresetData(preset(), c), { initialProps: ctx() });
    await waitFor(() => expect(subscribed).toBe(1));
    const later = { from: dateTime(1_700_000_060_000), to: dateTime(1_700_000_660_000), raw: range.raw };
    rerender(ctx({ timeRange: later }));
    await waitFor(() => expect(subscribed).toBe(2));
    expect(unsubscribed).toBe(1);
    unmount();
    expect(unsubscribed).toBe(2);
  });

  it('reads Grafana’s All namespaces as the namespaces with Istio traffic in the range, listed first', async () => {
    const { requests, lookups } = install(() => of({ data: [frame], state: LoadingState.Done }), ['meshlens-prometheus'], ['bookinfo', 'shop']);
    const { result } = renderHook(() => usePresetData(preset({ namespaces: '.*' }), ctx()));
    await waitFor(() => expect(result.current).toEqual({ status: 'done', series: [frame], namespaces: ['bookinfo', 'shop'] }));
    expect(lookups).toEqual([
      { query: 'label_values({__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}, destination_workload_namespace)', range },
      { query: RAW_SWITCH_LOOKUP, range },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0].targets).toHaveLength(12);
    expect((requests[0].targets[1] as unknown as { expr: string }).expr).toContain('destination_workload_namespace=~"bookinfo|shop"}');

    install(() => of({ data: [frame] }), ['meshlens-prometheus'], []);
    const none = renderHook(() => usePresetData(preset({ namespaces: '$__all' }), ctx()));
    await waitFor(() =>
      expect(none.result.current).toEqual({
        status: 'error',
        error: 'No namespace has Istio traffic (istio_requests_total or istio_tcp_received_bytes_total) on Prom in this time range.',
      })
    );
  });

  it('reads the recorded series where the probe says the rules run, the raw ones where it does not, and names a failed probe', async () => {
    const recorded = install(() => of({ data: [frame], state: LoadingState.Done }), ['meshlens-prometheus'], [], () => ['{raw="off", series="recorded"} 1 1700000600000']);
    const on = renderHook(() => usePresetData(preset(), ctx()));
    await waitFor(() => expect(on.result.current.status).toBe('done'));
    const exprs = recorded.requests[0].targets.map((t) => (t as unknown as { expr: string }).expr);
    expect(exprs.filter((e) => e.includes('meshlens_raw=~"off"'))).toHaveLength(10);
    expect(exprs.filter((e) => e.includes('meshlens_raw=~".*"'))).toHaveLength(0);

    const raw = install(() => of({ data: [frame], state: LoadingState.Done }), ['meshlens-prometheus'], [], () => ['{raw=".*", series="raw"} 1 1700000600000']);
    const off = renderHook(() => usePresetData(preset(), ctx()));
    await waitFor(() => expect(off.result.current.status).toBe('done'));
    expect(raw.requests[0].targets.filter((t) => (t as unknown as { expr: string }).expr.includes('meshlens_raw=~".*"'))).toHaveLength(10);

    install(() => of({ data: [frame] }), ['meshlens-prometheus'], [], () => {
      throw new Error('bad_data: parse error');
    });
    const failed = renderHook(() => usePresetData(preset(), ctx()));
    await waitFor(() => expect(failed.result.current).toEqual({ status: 'error', error: 'Prometheus (Prom) could not answer the recorded-series probe: bad_data: parse error' }));
  });

  it('queries the data source a dashboard variable names (`${datasource}`)', async () => {
    const { asked } = install(() => of({ data: [frame], state: LoadingState.Done }));
    const replace: PresetContext['replaceVariables'] = (text, vars) => text.replace('$ns', String(vars?.ns?.value ?? '')).replace('${datasource}', 'picked-prom');
    const { result } = renderHook(() => usePresetData(preset({ prometheusUid: '${datasource}' }), ctx({ replaceVariables: replace })));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(asked).toEqual(['picked-prom']);
  });

  it('turns query errors, a failing data source and bad options into messages', async () => {
    install(() => of({ data: [], errors: [{ refId: 'A', message: 'parse error at char 5' }] }));
    const a = renderHook(() => usePresetData(preset(), ctx()));
    await waitFor(() => expect(a.result.current).toEqual({ status: 'error', error: 'Prometheus (Prom) answered with an error: A: parse error at char 5' }));

    install(() => throwError(() => ({ data: { message: 'bad gateway' } })));
    const b = renderHook(() => usePresetData(preset(), ctx()));
    await waitFor(() => expect(b.result.current).toEqual({ status: 'error', error: 'The Istio preset queries failed on Prom: bad gateway' }));

    const c = renderHook(() => usePresetData(preset({ namespaces: '$undefinedVar' }), ctx()));
    await waitFor(() => expect(c.result.current).toEqual({ status: 'error', error: 'The namespace "$undefinedVar" is a variable this dashboard does not define.' }));
  });
});
