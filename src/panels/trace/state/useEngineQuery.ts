import { type EngineRequest, type EngineResults } from '../model/engine';
import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

/** One engine answer, asked again when `key` (which must identify the request's content) changes. */
export function useEngineQuery<K extends EngineRequest['type']>(client: EngineClient, req: Extract<EngineRequest, { type: K }>, key: string) {
  return useKeyedRequest<EngineResults[K]>(`${key}`, () => client.request(req));
}
