import { type LayoutAlgorithm, type LayoutInput } from '../model/layout/types';

/** Main thread → worker. */
export interface LayoutRequest {
  id: number;
  algorithm: LayoutAlgorithm;
  input: LayoutInput;
}

/** Worker → main thread. */
export type LayoutResponse =
  | { id: number; ok: true; positions: Float64Array; width: number; height: number; ms: number }
  | { id: number; ok: false; error: string };
