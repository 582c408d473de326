/**
 * History for the dashboards-at-scale bench, written straight into a Prometheus through its remote-write receiver
 * (`--web.enable-remote-write-receiver`): the simulator's engine is stepped through simulated time (one tick of
 * `intervalSeconds` per sample, so counters grow by rate × interval on the simulator's daily curve), every series of
 * its store (Istio's full label sets, ~31 labels with job and instance) gets one sample per step, and the samples go
 * out in rounds of `stepsPerRound` steps per series. A series' labels are sent once per round instead of once per
 * sample, which is what makes an hour of a 5,000-workload mesh possible on a small machine:
 * `promtool tsdb create-blocks-from openmetrics` parses the ~900-byte label text of every sample (measured here at
 * ~24k samples/s with the machine idle, ~20 min for one hour at a 60 s interval), and a scrape replay serves the
 * whole 366 MB exposition per step.
 *
 * Remote write: protobuf `WriteRequest` (hand-encoded, 4 message types) compressed with snappy's block format using
 * literal elements only (valid snappy; the receiver decompresses it as any other).
 */
import { type Engine } from '../../simulator/engine/engine';
import { type Family, type Series } from '../../simulator/metrics/store';
import { simulatorEngine } from './history';

export interface ScaleHistoryOptions {
  /** Simulator flags, e.g. ['--topology', 'generated', '--scale', '5000', '--seed', '7']. */
  simulatorArgs: string[];
  /** Last sample time (ms). */
  endMs: number;
  /** Span before endMs that gets samples (the first sample is at endMs - historySeconds). */
  historySeconds: number;
  intervalSeconds: number;
  /** Labels a scrape would add (job, instance). */
  targetLabels: Record<string, string>;
  /** Prometheus base URL with the remote-write receiver on. */
  url: string;
  stepsPerRound?: number;
  /** Series per remote-write request. */
  seriesPerRequest?: number;
  log?: (line: string) => void;
}

export interface ScaleHistoryFigures {
  steps: number;
  series: number;
  samples: number;
  /** Step slots without a sample: the series did not exist yet or its pod was hidden (as a scrape would miss it). */
  absent: number;
  requests: number;
  protobufBytes: number;
  generateSeconds: number;
  writeSeconds: number;
}

// ---- protobuf ----

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function lengthDelimited(field: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(field << 3) | 2, ...varint(body.length)]), body]);
}

/** The repeated `Label labels = 1` part of a TimeSeries, names sorted (as Prometheus keeps label sets). */
export function encodeLabels(labels: Record<string, string>): Buffer {
  const names = Object.keys(labels).sort();
  return Buffer.concat(
    names.map((n) =>
      lengthDelimited(
        1,
        Buffer.concat([lengthDelimited(1, Buffer.from(n, 'utf8')), lengthDelimited(2, Buffer.from(labels[n], 'utf8'))])
      )
    )
  );
}

/** `Sample { double value = 1; int64 timestamp = 2; }` without the value: tag, value's tag, then timestamp bytes. */
function sampleTemplate(ms: number): Buffer {
  const ts = varint(ms);
  const body = 1 + 8 + 1 + ts.length;
  // field 2 of TimeSeries (length-delimited), body: 0x09 <8-byte double> 0x10 <varint ms>
  return Buffer.from([(2 << 3) | 2, body, (1 << 3) | 1, 0, 0, 0, 0, 0, 0, 0, 0, (2 << 3) | 0, ...ts]);
}

// ---- snappy (block format, literals only) ----

export function snappyLiteral(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from(varint(data.length))];
  const MAX = 1 << 16;
  for (let at = 0; at < data.length; at += MAX) {
    const piece = data.subarray(at, Math.min(data.length, at + MAX));
    const n = piece.length - 1;
    // Tag: literal (low bits 00); lengths over 60 follow the tag in 1 or 2 little-endian bytes (tags 60, 61).
    parts.push(
      n < 60 ? Buffer.from([n << 2]) : n < 256 ? Buffer.from([60 << 2, n]) : Buffer.from([61 << 2, n & 255, n >> 8])
    );
    parts.push(piece);
  }
  return Buffer.concat(parts);
}

// ---- the store's samples ----

interface Slot {
  labels: Buffer;
}

/** Every sample name of a family's series, as the exposition writes them (bulkWriter.ts): buckets, sum, count. */
function sampleLabels(family: Family, s: Series, target: Record<string, string>): Array<Record<string, string>> {
  const base = { ...s.labels, ...target };
  if (family.type !== 'histogram') {
    return [{ ...base, __name__: family.name }];
  }
  const bounds = family.bounds ?? [];
  return [
    ...bounds.map((b) => ({ ...base, __name__: `${family.name}_bucket`, le: String(b) })),
    { ...base, __name__: `${family.name}_bucket`, le: '+Inf' },
    { ...base, __name__: `${family.name}_sum` },
    { ...base, __name__: `${family.name}_count` },
  ];
}

function sampleValues(family: Family, s: Series): number[] {
  if (family.type !== 'histogram') {
    return [s.value];
  }
  const counts = s.buckets as Float64Array;
  return [...counts, s.value, counts[counts.length - 1]];
}

async function post(url: string, body: Buffer): Promise<void> {
  const res = await fetch(`${url}/api/v1/write`, {
    method: 'POST',
    headers: {
      'Content-Encoding': 'snappy',
      'Content-Type': 'application/x-protobuf',
      'X-Prometheus-Remote-Write-Version': '0.1.0',
    },
    body: new Uint8Array(snappyLiteral(body)),
  });
  if (!res.ok) {
    throw new Error(`remote write: HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`);
  }
}

/** Writes the history; resolves when Prometheus has accepted every sample. */
export async function writeScaleHistory(o: ScaleHistoryOptions): Promise<ScaleHistoryFigures> {
  const stepsPerRound = o.stepsPerRound ?? 10;
  const perRequest = o.seriesPerRequest ?? 4000;
  const steps = Math.floor(o.historySeconds / o.intervalSeconds) + 1;
  const startMs = o.endMs - (steps - 1) * o.intervalSeconds * 1000;
  const engine: Engine = simulatorEngine(o.simulatorArgs, startMs);
  for (let s = 60; s > 0; s--) {
    engine.tick(1, startMs - s * 1000);
  }
  const figures: ScaleHistoryFigures = {
    steps,
    series: 0,
    samples: 0,
    absent: 0,
    requests: 0,
    protobufBytes: 0,
    generateSeconds: 0,
    writeSeconds: 0,
  };
  const slots: Slot[] = [];
  const slotOf = new Map<Series, number>();
  for (let first = 0; first < steps; first += stepsPerRound) {
    const last = Math.min(steps, first + stepsPerRound);
    const t0 = process.hrtime.bigint();
    // values[slot][k]: the k-th step of this round; NaN where the series had no sample.
    const values: Float64Array[] = [];
    for (let i = first; i < last; i++) {
      const nowMs = startMs + i * o.intervalSeconds * 1000;
      if (i > 0) {
        engine.tick(o.intervalSeconds, nowMs);
      }
      for (const family of engine.store.families.values()) {
        for (const s of family.series.values()) {
          if (engine.store.hiddenPods.has(s.pod)) {
            continue;
          }
          let base = slotOf.get(s);
          if (base === undefined) {
            base = slots.length;
            slotOf.set(s, base);
            for (const l of sampleLabels(family, s, o.targetLabels)) {
              slots.push({ labels: encodeLabels(l) });
            }
          }
          const vs = sampleValues(family, s);
          for (let j = 0; j < vs.length; j++) {
            let row = values[base + j];
            if (!row) {
              row = new Float64Array(last - first).fill(NaN);
              values[base + j] = row;
            }
            row[i - first] = vs[j];
          }
        }
      }
    }
    figures.generateSeconds += Number(process.hrtime.bigint() - t0) / 1e9;
    const t1 = process.hrtime.bigint();
    let pending: Promise<void> | undefined;
    const templates = Array.from({ length: last - first }, (_, k) =>
      sampleTemplate(startMs + (first + k) * o.intervalSeconds * 1000)
    );
    for (let from = 0; from < slots.length; from += perRequest) {
      const to = Math.min(slots.length, from + perRequest);
      let size = 0;
      for (let slot = from; slot < to; slot++) {
        size += slots[slot].labels.length + 16 + templates.length * templates[0].length;
      }
      const body = Buffer.alloc(size);
      let at = 0;
      for (let slot = from; slot < to; slot++) {
        const row = values[slot];
        if (!row) {
          continue;
        }
        let n = 0;
        row.forEach((v) => (n += Number.isNaN(v) ? 0 : 1));
        figures.absent += row.length - n;
        if (n === 0) {
          continue;
        }
        figures.samples += n;
        const labels = slots[slot].labels;
        let len = labels.length;
        row.forEach((v, k) => (len += Number.isNaN(v) ? 0 : templates[k].length));
        body[at++] = (1 << 3) | 2;
        for (const b of varint(len)) {
          body[at++] = b;
        }
        at += labels.copy(body, at);
        row.forEach((v, k) => {
          if (!Number.isNaN(v)) {
            templates[k].copy(body, at);
            body.writeDoubleLE(v, at + 3);
            at += templates[k].length;
          }
        });
      }
      const used = body.subarray(0, at);
      figures.protobufBytes += used.length;
      figures.requests++;
      // One request in flight while the next one is encoded.
      await pending;
      pending = post(o.url, used);
    }
    await pending;
    figures.writeSeconds += Number(process.hrtime.bigint() - t1) / 1e9;
    o.log?.(`  history: steps ${first + 1}..${last} of ${steps} written (${slots.length} series)`);
  }
  figures.series = slots.length;
  return figures;
}
