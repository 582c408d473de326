import type { Edge } from '../topology/types';

export interface Outcome {
  /** Stable key for carries and series caches. */
  key: string;
  code: string;
  grpcStatus: string;
  flags: string;
  /** false: the call never reached the server (response_code="0"), only the caller reports it. */
  reached: boolean;
  /** false for UH/NR: no endpoint was picked, so destination_workload is unknown. */
  endpointPicked: boolean;
  share: number;
}

/** How calls on an edge end, with their shares; the rest succeed. */
export function outcomesOf(edge: Readonly<Edge>): Outcome[] {
  const grpc = edge.protocol === 'grpc';
  const list: Outcome[] = [];
  if (edge.protocol !== 'tcp') {
    for (const nr of edge.noResponse) {
      if (nr.rate > 0) {
        const picked = nr.flag !== 'UH' && nr.flag !== 'NR';
        list.push(outcome('0', '', nr.flag, false, picked, nr.rate));
      }
    }
    if (edge.errorRate > 0) {
      list.push(outcome(edge.errorCode, grpc ? '14' : '', '-', true, true, edge.errorRate));
    }
    if (grpc && edge.grpcErrorRate > 0) {
      list.push(outcome('200', edge.grpcErrorStatus, '-', true, true, edge.grpcErrorRate));
    }
  }
  const failed = list.reduce((sum, o) => sum + o.share, 0);
  if (failed < 1) {
    list.push(outcome(edge.protocol === 'tcp' ? '' : '200', grpc ? '0' : '', '-', true, true, 1 - failed));
  }
  return list;
}

/** Every call fails at the caller: the service has no live endpoint. */
export const NO_HEALTHY_UPSTREAM: Outcome = outcome('503', '', 'UH', false, false, 1);

function outcome(
  code: string,
  grpcStatus: string,
  flags: string,
  reached: boolean,
  endpointPicked: boolean,
  share: number
): Outcome {
  return { key: `${code}|${grpcStatus}|${flags}`, code, grpcStatus, flags, reached, endpointPicked, share };
}
