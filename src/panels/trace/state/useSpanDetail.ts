import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

/** Fetches one span's full detail from the engine (attributes and events are not on the main thread). */
export function useSpanDetail(client: EngineClient, span: number, adjustSkew: boolean) {
  const { value, error } = useKeyedRequest(span >= 0 ? `${span}:${adjustSkew}` : undefined, () => client.request({ type: 'detail', span, adjustSkew }));
  return { detail: value, error };
}
