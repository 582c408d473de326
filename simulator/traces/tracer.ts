import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../engine/engine';
import type { Random } from '../model/random';
import { buildTrace, type SimSpan } from './build';
import { toJaegerResponse } from './jaeger';

export interface TraceSinks {
  send?: (spans: readonly SimSpan[]) => void;
  /** Directory for Jaeger query-API JSON files, one per trace (<traceId>.json). */
  dir?: string;
  maxFiles?: number;
}

const MAX_TRACES_PER_TICK = 50;

/**
 * Samples a share of root requests each tick (Istio's traceSampling), builds their traces, hands
 * the spans to the sinks and stores each hop's duration as the exemplar of its latency series.
 */
export class Tracer {
  private carry = 0;
  written = 0;
  /** Traces not written because --traces-dir reached maxFiles, or over the per-tick cap. */
  dropped = 0;

  constructor(
    private readonly engine: Engine,
    private readonly sampling: number,
    private readonly random: Random,
    private readonly sinks: TraceSinks
  ) {
    if (sinks.dir) {
      mkdirSync(sinks.dir, { recursive: true });
    }
  }

  tick(dtSeconds: number, nowMs: number): void {
    for (const [root, rate] of this.engine.rootRates) {
      this.carry += rate * dtSeconds * this.sampling;
      let n = Math.floor(this.carry);
      this.carry -= n;
      if (n > MAX_TRACES_PER_TICK) {
        this.dropped += n - MAX_TRACES_PER_TICK;
        n = MAX_TRACES_PER_TICK;
      }
      for (let i = 0; i < n; i++) {
        const start = nowMs - dtSeconds * 1000 * this.random();
        this.emit(root, start, nowMs);
      }
    }
  }

  private emit(root: number, startMs: number, nowMs: number): void {
    const trace = buildTrace(this.engine.mesh, root, startMs, this.random);
    if (trace.spans.length === 0) {
      return;
    }
    for (const hop of trace.hops) {
      for (const reporter of ['source', 'destination'] as const) {
        this.engine.exemplar(
          hop.edge.index,
          hop.destination,
          hop.outcome,
          reporter,
          hop.durationMs,
          trace.traceId,
          nowMs
        );
      }
    }
    this.sinks.send?.(trace.spans);
    if (this.sinks.dir) {
      if (this.written >= (this.sinks.maxFiles ?? 1000)) {
        this.dropped++;
        return;
      }
      // Written aside, then renamed: a reader listing the directory never opens a half-written trace.
      const file = join(this.sinks.dir, `${trace.traceId}.json`);
      writeFileSync(`${file}.part`, JSON.stringify(toJaegerResponse(trace.traceId, trace.spans), null, 1));
      renameSync(`${file}.part`, file);
      this.written++;
    }
  }
}
