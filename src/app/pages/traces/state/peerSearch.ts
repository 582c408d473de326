import { operationsToPeer, type MeshPeer } from '../../../../shared/traces/istioNaming';
import { operationsLookup } from '../model/pickers';
import { lookupNames } from './metadata';

/** For a peer (edge) search on Jaeger: which of the caller's operations are calls to the peer, and which is searched. */
export interface PeerNote {
  searched?: string;
  others: string[];
  listed: number;
  error?: string;
}

/**
 * Jaeger matches operations exactly and answers one query per request: the caller's operations are listed, those
 * named as Istio calls to the peer are found, and the first is the one to search (the others are named on the page).
 */
export async function jaegerPeerOperations(
  traceUid: string,
  service: string,
  peer: MeshPeer,
  range: { fromMs: number; toMs: number }
): Promise<PeerNote> {
  const listed = await lookupNames(traceUid, operationsLookup('jaeger', service, range)!);
  if ('error' in listed) {
    return { others: [], listed: 0, error: listed.error };
  }
  const [first, ...others] = operationsToPeer(peer, listed.values);
  return { searched: first, others, listed: listed.values.length };
}
