// Writes a generated trace for the preview harness: node --import tsx bench/make-trace.ts <spans> <jaeger|zipkin|otlp> <out.json>
import { writeFileSync } from 'node:fs';
import { generate, type GenFormat } from './traceGen';

const [count, format, out] = process.argv.slice(2);
if (!count || !out || !['jaeger', 'zipkin', 'otlp'].includes(format)) {
  console.error('usage: node --import tsx bench/make-trace.ts <spans> <jaeger|zipkin|otlp> <out.json>');
  process.exit(2);
}
const text = generate(format as GenFormat, Number(count));
writeFileSync(out, text);
console.log(`${out}: ${count} spans, ${(text.length / 1e6).toFixed(1)} MB`);
