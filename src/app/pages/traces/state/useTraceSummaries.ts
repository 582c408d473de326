import { useEffect, useState } from 'react';
import { type TimeRange } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { loadSummaries, type SummaryResult } from './traceSummaries';

/**
 * Counts for the traces on screen, fetched by id in the background (bounded, cancelled when the
 * page of results changes or the view goes away). Known results are kept per view instance.
 */
export function useTraceSummaries(
  uid: string,
  kind: TraceSourceKind | undefined,
  ids: readonly string[],
  range: TimeRange
) {
  const [known, setKnown] = useState<ReadonlyMap<string, SummaryResult>>(() => new Map());
  const key = ids.join(',');
  useEffect(() => {
    const missing = key ? key.split(',').filter((id) => !known.has(id)) : [];
    if (!kind || missing.length === 0) {
      return;
    }
    let cancelled = false;
    let unsubscribe = () => {};
    getDataSourceSrv()
      .get({ uid })
      .then((ds) => {
        if (cancelled) {
          return;
        }
        const sub = loadSummaries(ds, kind, missing, range).subscribe(([id, result]) =>
          setKnown((m) => new Map(m).set(id, result))
        );
        unsubscribe = () => sub.unsubscribe();
      })
      .catch((e: unknown) => {
        const failed = e instanceof Error ? e.message : String(e);
        if (!cancelled) {
          setKnown((m) => new Map([...m, ...missing.map((id): [string, SummaryResult] => [id, { failed }])]));
        }
      });
    return () => {
      cancelled = true;
      unsubscribe();
    };
    // `known` is read only to skip ids already loaded; a new result must not restart the loads in flight.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uid, kind, key, range]);
  const pending = ids.filter((id) => !known.has(id)).length;
  return { known, pending };
}
