import { createContext, useContext } from 'react';
import { type DataFrame } from '@grafana/data';
import { type TraceColumns } from '../model/columns';
import { type TracePanelOptions } from '../types';
import { type EngineClient } from './engineClient';
import { type useCollapse } from './useCollapse';
import { type useViewRange } from './useViewRange';

/** What every part of one trace's view shares (instead of a dozen props handed down through each level). */
export interface TraceViewState {
  readonly client: EngineClient;
  readonly series: readonly DataFrame[];
  readonly columns: TraceColumns;
  readonly options: TracePanelOptions;
  /** The panel's id on its dashboard (names its URL parameters); undefined outside one. */
  readonly panelId: number | undefined;
  readonly collapse: ReturnType<typeof useCollapse>;
  readonly viewRange: ReturnType<typeof useViewRange>;
  /** 1 for spans matching the find box. */
  readonly matchSet: Uint8Array;
  /** The find match the cursor is on (-1: none). */
  readonly currentMatch: number;
  readonly selectedSpan: number;
  readonly selectSpan: (i: number) => void;
  /** Reveals (expands ancestors of) a span and scrolls to it. */
  readonly goToSpan: (i: number) => void;
  /** A jump asked for: `seq` grows with each, so the list scrolls once per jump. */
  readonly scrollTarget: { readonly span: number; readonly seq: number };
}

export const TraceViewContext = createContext<TraceViewState | undefined>(undefined);

export function useTraceView(): TraceViewState {
  const v = useContext(TraceViewContext);
  if (!v) {
    throw new Error('useTraceView: no TraceViewContext above this component.');
  }
  return v;
}
