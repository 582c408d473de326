import { SpanKind, SpanStatusCode, type HrTime } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { SimSpan } from './build';

/**
 * Sends simulated Envoy spans over OTLP/HTTP with the OpenTelemetry JS exporter. The spans
 * already carry their ids and timestamps, so they are handed to the exporter as finished
 * ReadableSpans (one Resource per Istio service name) instead of being timed by a live tracer.
 */
export class OtlpSink {
  private readonly exporter: OTLPTraceExporter;
  private readonly resources = new Map<string, Resource>();
  failures = 0;
  exported = 0;
  lastError = '';

  constructor(endpoint: string) {
    this.exporter = new OTLPTraceExporter({ url: `${endpoint}/v1/traces` });
  }

  send(spans: readonly SimSpan[]): void {
    if (spans.length === 0) {
      return;
    }
    this.exporter.export(
      spans.map((s) => this.readable(s)),
      (result) => {
        if (result.error) {
          this.failures++;
          this.lastError = String(result.error.message ?? result.error);
        } else {
          this.exported += spans.length;
        }
      }
    );
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  private resource(service: string): Resource {
    let r = this.resources.get(service);
    if (!r) {
      r = resourceFromAttributes({ 'service.name': service });
      this.resources.set(service, r);
    }
    return r;
  }

  private readable(s: SimSpan): ReadableSpan {
    const context = { traceId: s.traceId, spanId: s.spanId, traceFlags: 1 };
    return {
      name: s.operation,
      kind: s.kind === 'client' ? SpanKind.CLIENT : SpanKind.SERVER,
      spanContext: () => context,
      parentSpanContext: s.parentSpanId ? { traceId: s.traceId, spanId: s.parentSpanId, traceFlags: 1 } : undefined,
      startTime: hr(s.startUs),
      endTime: hr(s.startUs + s.durationUs),
      duration: hr(s.durationUs),
      status: { code: s.error ? SpanStatusCode.ERROR : SpanStatusCode.UNSET },
      attributes: s.tags,
      links: [],
      events: [],
      ended: true,
      resource: this.resource(s.service),
      instrumentationScope: { name: 'envoy' },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
  }
}

function hr(us: number): HrTime {
  const seconds = Math.floor(us / 1e6);
  return [seconds, Math.round((us - seconds * 1e6) * 1000)];
}
