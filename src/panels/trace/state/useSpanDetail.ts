import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

/** Fetches one span's full detail from the engine (attributes and events are not on the main thread). */
export function useSpanDetail(client: EngineClient, span: number) {
  const { value, error } = useKeyedRequest(span >= 0 ? span : undefined, () => client.request({ type: 'detail', span }));
  return { detail: value, error };
}
