import { from, type Observable } from 'rxjs';
import { LoadingState, type DataFrame, type DataQueryResponse } from '@grafana/data';

/** What one query target of a harness data source answered. */
export interface TargetResult {
  refId: string;
  frames: DataFrame[];
  error?: string;
}

/** One response for all targets, as Grafana's data sources give it: every frame, an error per failed target. */
export function mergeTargetResults(results: Promise<TargetResult[]>): Observable<DataQueryResponse> {
  return from(
    results.then((rs) => {
      const errors = rs.flatMap((r) => (r.error ? [{ refId: r.refId, message: r.error }] : []));
      return {
        data: rs.flatMap((r) => r.frames),
        errors,
        state: errors.length ? LoadingState.Error : LoadingState.Done,
      };
    })
  );
}
