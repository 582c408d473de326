import { useEffect, useMemo, useState } from 'react';
import { from, isObservable, type Observable, type Subscription } from 'rxjs';
import { LoadingState, type DataFrame, type DataSourceApi, type DataQueryResponse, type PanelData, type ScopedVars, type TimeRange } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { choosePrometheus, presetPlan, presetRequest, type PresetPlan } from '../model/preset/presetRequest';
import { RAW_SWITCH_LOOKUP, rawSwitchFromLookup } from '../model/preset/rawSwitch';
import { preferRecordedAll } from '../../../shared/istio/recordedSeries';
import { type MeshGraphPanelOptions } from '../types';

export type PresetData =
  | { status: 'off' }
  | { status: 'loading' }
  /** `namespaces`: the ones queried (for "All", the namespaces found with Istio traffic). */
  | { status: 'done'; series: DataFrame[]; namespaces: string[] }
  | { status: 'error'; error: string };

export interface PresetContext {
  panelId: number;
  data: PanelData;
  timeRange: TimeRange;
  timeZone: string;
  width: number;
  replaceVariables: (value: string, scopedVars?: ScopedVars, format?: string) => string;
}

/** Grafana's data source errors carry their text in message or data.message. */
function errorText(e: unknown): string {
  const err = e as { message?: string; data?: { message?: string }; statusText?: string } | undefined;
  return err?.data?.message || err?.message || err?.statusText || String(e);
}

type PlanOptions = Pick<MeshGraphPanelOptions, 'compareOffset' | 'includeIdleEdges' | 'showIdleNodes'>;

/**
 * The plan's queries; for "All" namespaces, first the namespaces with Istio traffic in the range (the data source's
 * `label_values`, as the Graph page's namespace picker lists them), then the queries for exactly those.
 */
async function planTargets(plan: PresetPlan & { ok: true }, ds: DataSourceApi, range: TimeRange, o: PlanOptions): Promise<PresetPlan> {
  if (plan.namespaceLookup === undefined) {
    return plan;
  }
  if (!ds.metricFindQuery) {
    return { ok: false, error: `${ds.name} cannot list label values, so "All" namespaces cannot be resolved: pick namespaces.` };
  }
  const found = await ds.metricFindQuery(plan.namespaceLookup, { range });
  const namespaces = found.map((v) => String(v.text)).filter((n) => n !== '');
  if (namespaces.length === 0) {
    return { ok: false, error: `No namespace has Istio traffic (istio_requests_total or istio_tcp_received_bytes_total) on ${ds.name} in this time range.` };
  }
  return presetPlan({ ...o, namespaces: namespaces.join(','), clusters: plan.clusters.join(',') });
}

/**
 * Whether MeshLens' recording rules run on this Prometheus (the pages' probe), so the preset reads the recorded
 * series as the Graph page does; a data source that cannot run variable queries reads the raw series.
 */
async function rawSwitchValue(ds: DataSourceApi, range: TimeRange): Promise<string> {
  if (!ds.metricFindQuery) {
    return '.*';
  }
  try {
    return rawSwitchFromLookup(await ds.metricFindQuery(RAW_SWITCH_LOOKUP, { range }));
  } catch (e) {
    throw new Error(`Prometheus (${ds.name}) could not answer the recorded-series probe: ${errorText(e)}`);
  }
}

/**
 * Preset mode: the panel runs Kiali's queries itself on a Prometheus data source, with the panel's
 * range, interval and variables. A new range, option or unmount unsubscribes the request in flight
 * (Grafana's data sources cancel the HTTP request on unsubscribe).
 */
export function usePresetData(o: MeshGraphPanelOptions, ctx: PresetContext): PresetData {
  const { dataMode, prometheusUid, compareOffset, includeIdleEdges, showIdleNodes } = o;
  const { panelId, data, timeRange, timeZone, width, replaceVariables } = ctx;
  const scopedVars = data.request?.scopedVars;
  // Variables are replaced on every render (their values may change without the option changing); the
  // resulting text, not the function, decides whether to query again.
  const namespaces = dataMode === 'preset' ? replaceVariables(o.namespaces, scopedVars, 'csv') : '';
  const clusters = dataMode === 'preset' ? replaceVariables(o.clusters ?? '', scopedVars, 'csv') : '';
  // A dashboard's `${datasource}` variable: the data source it names now.
  const prometheus = dataMode === 'preset' ? replaceVariables(prometheusUid, scopedVars) : '';
  const plan = useMemo(
    () => (dataMode === 'preset' ? presetPlan({ namespaces, clusters, compareOffset, includeIdleEdges, showIdleNodes }) : undefined),
    [dataMode, namespaces, clusters, compareOffset, includeIdleEdges, showIdleNodes]
  );
  const [result, setResult] = useState<{ key?: string; data: PresetData }>({ data: { status: 'off' } });
  // Re-run for a new range (a refresh re-evaluates relative ranges into new instants), not for each render.
  const fromMs = timeRange.from.valueOf();
  const toMs = timeRange.to.valueOf();
  const interval = data.request?.interval;
  const intervalMs = data.request?.intervalMs;
  const dashboardUID = data.request?.dashboardUID;
  // Width only matters without a panel request interval; rounding keeps resizing from re-querying.
  const widthBucket = interval ? 0 : Math.round(width / 100) * 100;
  const key = [dataMode, namespaces, clusters, compareOffset, includeIdleEdges, showIdleNodes, prometheus, fromMs, toMs, interval, intervalMs, widthBucket, timeZone, panelId, dashboardUID].join('\u0000');

  useEffect(() => {
    if (!plan?.ok) {
      return;
    }
    let cancelled = false;
    let subscription: Subscription | undefined;
    const srv = getDataSourceSrv();
    const uid = choosePrometheus(prometheus, (u) => Boolean(srv.getInstanceSettings(u)));
    srv
      .get(uid)
      .then(async (ds) => {
        // The namespace lookup and the recorded-series probe are independent: one round trip, not two.
        const [targets, rawSwitch] = await Promise.all([
          planTargets(plan, ds, timeRange, { compareOffset, includeIdleEdges, showIdleNodes }),
          rawSwitchValue(ds, timeRange).catch((e: Error) => e),
        ]);
        if (cancelled) {
          return;
        }
        if (!targets.ok) {
          setResult({ key, data: { status: 'error', error: targets.error } });
          return;
        }
        if (rawSwitch instanceof Error) {
          setResult({ key, data: { status: 'error', error: rawSwitch.message } });
          return;
        }
        const request = presetRequest(preferRecordedAll(targets.targets, rawSwitch), {
          requestId: `meshgraph-preset-${panelId}`,
          range: timeRange,
          interval: interval && intervalMs ? { interval, intervalMs } : undefined,
          width: widthBucket || width,
          scopedVars: scopedVars ?? {},
          timezone: timeZone,
          panelId,
          dashboardUID,
          datasource: { type: ds.type, uid: ds.uid },
          now: Date.now(),
        });
        // Data sources return an Observable; older ones a Promise.
        const response = ds.query(request as never) as Observable<DataQueryResponse> | Promise<DataQueryResponse>;
        const stream: Observable<DataQueryResponse> = isObservable(response) ? response : from(response);
        subscription = stream.subscribe({
          next: (r: DataQueryResponse) => {
            const errors = r.errors ?? [];
            if (errors.length > 0) {
              const text = errors.map((e) => `${e.refId ? `${e.refId}: ` : ''}${e.message ?? e.data?.message ?? 'query failed'}`).join('; ');
              setResult({ key, data: { status: 'error', error: `Prometheus (${ds.name}) answered with an error: ${text}` } });
            } else if (r.state !== LoadingState.Loading) {
              setResult({ key, data: { status: 'done', series: r.data as DataFrame[], namespaces: targets.namespaces } });
            }
          },
          error: (e: unknown) => setResult({ key, data: { status: 'error', error: `The Istio preset queries failed on ${ds.name}: ${errorText(e)}` } }),
        });
      })
      .catch((e: unknown) => !cancelled && setResult({ key, data: { status: 'error', error: `No Prometheus data source to run the Istio preset on: ${errorText(e)}` } }));
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
    // The key holds every input that should re-query; the values read inside are the ones it was made from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!plan) {
    return { status: 'off' };
  }
  if (!plan.ok) {
    return { status: 'error', error: plan.error };
  }
  // Until this key's answer arrives, the result of an earlier key is stale: loading.
  return result.key === key ? result.data : { status: 'loading' };
}
