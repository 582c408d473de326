import type { Family, Series } from './store';
import { escapeText, flattenLabels, valueText } from './textFormat';

const CHUNK_BYTES = 256 * 1024;
/** Room for `} `, the longest number JavaScript prints, and the newline. */
const VALUE_ROOM = 32;

/**
 * One reusable output buffer. A chunk handed out by take() is only valid until the next write,
 * so consumers send or copy it before asking for more (the server awaits each socket write).
 */
export class ChunkBuffer {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;

  get length(): number {
    return this.pos;
  }

  /**
   * Makes room for `bytes` more. Returns the full chunk to hand out first when they would not fit
   * (a series longer than a chunk gets a bigger buffer), undefined when they fit.
   */
  reserve(bytes: number): Buffer | undefined {
    if (this.pos + bytes <= this.buf.length) {
      return undefined;
    }
    const full = this.pos > 0 ? this.take() : undefined;
    if (bytes > this.buf.length) {
      this.buf = Buffer.allocUnsafe(bytes);
    }
    return full;
  }

  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }

  bytes(b: Buffer): void {
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  /** A sample value as valueText() prints it; whole counts (most lines) are written digit by digit. */
  value(v: number): void {
    if (!(Number.isInteger(v) && v >= 0 && v < 1e15)) {
      this.ascii(valueText(v));
      return;
    }
    let digits = 1;
    for (let p = 10; v >= p; p *= 10) {
      digits++;
    }
    let n = v;
    for (let i = this.pos + digits - 1; i >= this.pos; i--) {
      this.buf[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.pos += digits;
  }

  /** ASCII-only text. */
  ascii(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  utf8(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }
}

/** Sample-name prefixes of one family, rendered once per scrape: `name{` or `name_bucket{le="0.5",`. */
interface Heads {
  /** With labels following (`name{`, `name_bucket{le="5",`) and without (`name `, `name_bucket{le="5"} `). */
  withLabels: Buffer;
  bare: Buffer;
}

function heads(sample: string, le?: string): Heads {
  return le === undefined
    ? { withLabels: Buffer.from(`${sample}{`), bare: Buffer.from(`${sample} `) }
    : { withLabels: Buffer.from(`${sample}{le="${le}",`), bare: Buffer.from(`${sample}{le="${le}"} `) };
}

const [CLOSE_BRACE, SPACE, NEWLINE] = [0x7d, 0x20, 0x0a];

/**
 * Writes one family's lines straight into byte chunks: each series' label set was rendered once
 * when the series was created (store.ts), so a scrape copies bytes and formats numbers, instead
 * of building ~1 kB strings per line. The text is prom-client's, byte for byte, as exposition.ts
 * would produce it through prom-client (bulkWriter.test.ts compares the two).
 */
export function* writeBulkFamily(
  out: ChunkBuffer,
  family: Family,
  series: readonly Series[],
  openMetrics: boolean
): Generator<Buffer> {
  const { name, help } = family;
  let headerName = name;
  let type: string = family.type;
  if (openMetrics && family.type === 'counter') {
    if (family.keepNameInOpenMetrics || !name.endsWith('_total')) {
      type = 'unknown';
    } else {
      headerName = name.slice(0, -'_total'.length);
    }
  }
  const header = `# HELP ${escapeText(headerName)} ${escapeText(help)}\n# TYPE ${escapeText(headerName)} ${type}\n`;
  const full = out.reserve(Buffer.byteLength(header));
  if (full) {
    yield full;
  }
  out.utf8(header);

  // Counter samples keep the family's name in both formats (OpenMetrics re-appends the _total cut above).
  if (family.type !== 'histogram') {
    const head = heads(name);
    for (const s of series) {
      const chunk = out.reserve(head.withLabels.length + s.flat.bytes.length + VALUE_ROOM);
      if (chunk) {
        yield chunk;
      }
      writeLine(out, head, s, s.value);
    }
    return;
  }
  const bounds = family.bounds ?? [];
  const buckets = [...bounds.map((b) => heads(`${name}_bucket`, String(b))), heads(`${name}_bucket`, '+Inf')];
  const sum = heads(`${name}_sum`);
  const count = heads(`${name}_count`);
  const longestHead = Math.max(...buckets.map((h) => h.withLabels.length), sum.withLabels.length);
  for (const s of series) {
    const counts = s.buckets as Float64Array;
    const exemplars = openMetrics ? s.exemplars : undefined;
    const texts = exemplars?.map((e) => e && ` # {${flattenLabels(e.labelSet)}} ${valueText(e.value)} ${e.timestamp}`);
    // Room for the whole series at once: its lines plus any exemplars.
    let need = (bounds.length + 3) * (longestHead + s.flat.bytes.length + VALUE_ROOM);
    texts?.forEach((t) => (need += t ? Buffer.byteLength(t) : 0));
    const chunk = out.reserve(need);
    if (chunk) {
      yield chunk;
    }
    for (let i = 0; i <= bounds.length; i++) {
      writeLine(out, buckets[i], s, counts[i], texts?.[i]);
    }
    writeLine(out, sum, s, s.value);
    writeLine(out, count, s, counts[bounds.length]);
  }
}

function writeLine(out: ChunkBuffer, head: Heads, s: Series, value: number, exemplar?: string): void {
  const labels = s.flat.bytes;
  if (labels.length === 0) {
    out.bytes(head.bare);
  } else {
    out.bytes(head.withLabels);
    out.bytes(labels);
    out.byte(CLOSE_BRACE);
    out.byte(SPACE);
  }
  out.value(value);
  if (exemplar) {
    out.utf8(exemplar);
  }
  out.byte(NEWLINE);
}
