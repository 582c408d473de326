import { type DataFrame, FieldType } from '@grafana/data';
import { type TrafficMetric, type Sample } from './types';

export type EnrichmentKind = 'responseTime' | 'throughput' | 'security';

export interface EnrichmentSample {
  readonly kind: EnrichmentKind;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PromFramesResult {
  traffic: Sample[];
  enrichment: EnrichmentSample[];
  /** Frames that carry neither Istio traffic nor enrichment (counted, shown). */
  unknownFrames: number;
  /** Rows whose value is missing, NaN or negative (counted, shown). */
  badValues: number;
  /** `kube_deployment_labels` rows (idle nodes), labels only. */
  deployments: Array<Readonly<Record<string, string>>>;
}

const TRAFFIC_METRICS: readonly TrafficMetric[] = [
  'istio_requests_total',
  'istio_request_messages_total',
  'istio_response_messages_total',
  'istio_tcp_sent_bytes_total',
  'istio_tcp_received_bytes_total',
];

type FrameKind = { traffic: TrafficMetric } | { enrichment: EnrichmentKind } | { deployments: true } | undefined;

/**
 * What a frame holds, from the query text (refId or executed query) first, then from its labels:
 * request_protocol means istio_requests_total, connection_security_policy means the security query.
 */
export function classifyFrame(frame: DataFrame, labelNames: readonly string[]): FrameKind {
  const text = `${frame.refId ?? ''} ${frame.meta?.executedQueryString ?? ''} ${frame.name ?? ''}`;
  if (/kube_deployment_labels/.test(text) || (labelNames.includes('deployment') && !labelNames.includes('source_workload'))) {
    return { deployments: true };
  }
  if (/connection_security_policy/.test(text) || labelNames.includes('connection_security_policy')) {
    return { enrichment: 'security' };
  }
  if (/istio_request_duration_milliseconds/.test(text)) {
    return { enrichment: 'responseTime' };
  }
  if (/istio_re(quest|sponse)_bytes/.test(text)) {
    return { enrichment: 'throughput' };
  }
  const named = TRAFFIC_METRICS.find((m) => text.includes(m));
  if (named) {
    return { traffic: named };
  }
  if (labelNames.includes('request_protocol') && labelNames.includes('response_code')) {
    return { traffic: 'istio_requests_total' };
  }
  if (labelNames.includes('destination_workload') && labelNames.includes('source_workload')) {
    // TCP frames without a name: Kiali's default "sent" rate reads the received-bytes metric.
    return { traffic: 'istio_tcp_received_bytes_total' };
  }
  return undefined;
}

/** Rows of a frame as label sets and values: table frames (a column per label) or series frames (labels on the value field). */
function rows(frame: DataFrame): { labelNames: string[]; rows: Array<{ labels: Record<string, string>; value: unknown }> } {
  const numbers = frame.fields.filter((f) => f.type === FieldType.number);
  const valueField = numbers[numbers.length - 1];
  if (!valueField) {
    return { labelNames: [], rows: [] };
  }
  const labelFields = frame.fields.filter((f) => f.type === FieldType.string);
  if (labelFields.length > 0) {
    const out = [];
    for (let i = 0; i < frame.length; i++) {
      const labels: Record<string, string> = Object.assign({}, valueField.labels);
      for (const f of labelFields) {
        const v: unknown = f.values[i];
        if (v !== null && v !== undefined) {
          labels[f.name] = String(v);
        }
      }
      out.push({ labels, value: valueField.values[i] });
    }
    return { labelNames: [...Object.keys(valueField.labels ?? {}), ...labelFields.map((f) => f.name)], rows: out };
  }
  const labels = { ...valueField.labels };
  // An instant series frame: the last value is the instant.
  const value = valueField.values[valueField.values.length - 1];
  return { labelNames: Object.keys(labels), rows: frame.length > 0 ? [{ labels, value }] : [] };
}

/** Prometheus instant-query frames → Istio traffic and enrichment samples. Never throws on bad rows. */
export function readPromFrames(series: readonly DataFrame[]): PromFramesResult {
  const result: PromFramesResult = { traffic: [], enrichment: [], unknownFrames: 0, badValues: 0, deployments: [] };
  for (const frame of series) {
    const { labelNames, rows: list } = rows(frame);
    if (list.length === 0) {
      continue;
    }
    const kind = classifyFrame(frame, labelNames);
    if (!kind) {
      result.unknownFrames++;
      continue;
    }
    for (const row of list) {
      const value = typeof row.value === 'number' ? row.value : Number(row.value);
      if (row.value === null || row.value === undefined || !Number.isFinite(value) || value < 0) {
        result.badValues++;
        continue;
      }
      if ('deployments' in kind) {
        result.deployments.push(row.labels);
      } else if ('traffic' in kind) {
        result.traffic.push({ metric: kind.traffic, labels: row.labels, value });
      } else {
        result.enrichment.push({ kind: kind.enrichment, labels: row.labels, value });
      }
    }
  }
  return result;
}
