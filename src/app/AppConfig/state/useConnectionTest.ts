import { useCallback, useRef, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { getDefaultTimeRange, type DataQueryRequest } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { PROMETHEUS_TEST_QUERY, explainPrometheusTest, explainTraceTest, type TestOutcome } from '../model/explainTest';

export type TestState = { status: 'idle' } | { status: 'running' } | ({ status: 'done' } & TestOutcome);

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { message?: string })?.message ?? e);
}

/** Runs a real query through Grafana's data source API (never a direct fetch) and explains the result. */
async function testPrometheus(uid: string): Promise<TestOutcome> {
  let ds;
  try {
    ds = await getDataSourceSrv().get({ uid });
  } catch (e) {
    return explainPrometheusTest(undefined, messageOf(e));
  }
  const request = {
    requestId: 'meshlens-config-test',
    app: 'meshlens-config',
    interval: '15s',
    intervalMs: 15000,
    range: getDefaultTimeRange(),
    scopedVars: {},
    timezone: 'utc',
    startTime: Date.now(),
    targets: [{ refId: 'A', expr: PROMETHEUS_TEST_QUERY, instant: true, range: false }],
  } as unknown as DataQueryRequest;
  try {
    const res = await lastValueFrom(ds.query(request) as never as import('rxjs').Observable<{ data: []; errors?: Array<{ message?: string }> }>);
    return explainPrometheusTest(res.data, res.errors?.[0]?.message);
  } catch (e) {
    return explainPrometheusTest(undefined, messageOf(e));
  }
}

async function testTraces(uid: string): Promise<TestOutcome> {
  try {
    const ds = await getDataSourceSrv().get({ uid });
    return explainTraceTest((await ds.testDatasource?.()) as { status?: string; message?: string } | undefined, undefined);
  } catch (e) {
    return explainTraceTest(undefined, messageOf(e));
  }
}

/** One test per data source kind; a newer run supersedes an older one still in flight. */
export function useConnectionTest(kind: 'prometheus' | 'traces') {
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const run = useRef(0);
  const start = useCallback(
    async (uid: string) => {
      const id = ++run.current;
      setState({ status: 'running' });
      const outcome = await (kind === 'prometheus' ? testPrometheus(uid) : testTraces(uid));
      if (id === run.current) {
        setState({ status: 'done', ...outcome });
      }
    },
    [kind]
  );
  return { state, start };
}
