import { ENVOY_BUCKETS } from '../model/distribution';
import type { Family, MetricStore, MetricType } from './store';

export interface IstioFamilies {
  requests: Family;
  duration: Family;
  requestBytes: Family;
  responseBytes: Family;
  requestMessages: Family;
  responseMessages: Family;
  tcpSent: Family;
  tcpReceived: Family;
  tcpOpened: Family;
  tcpClosed: Family;
}

/**
 * The istio_stats filter's standard metrics (istio.io "Istio Standard Metrics"), default Envoy buckets.
 * They hold nearly all of a big mesh's lines, so they go through the bulk writer (exposition.ts).
 */
export function defineIstioFamilies(store: MetricStore): IstioFamilies {
  const define = (name: string, help: string, type: MetricType) =>
    store.define(name, help, type, type === 'histogram' ? ENVOY_BUCKETS : undefined, false, true);
  return {
    requests: define('istio_requests_total', 'Requests processed by an Istio proxy.', 'counter'),
    duration: define('istio_request_duration_milliseconds', 'Duration of requests, in milliseconds.', 'histogram'),
    requestBytes: define('istio_request_bytes', 'HTTP request body sizes.', 'histogram'),
    responseBytes: define('istio_response_bytes', 'HTTP response body sizes.', 'histogram'),
    requestMessages: define('istio_request_messages_total', 'gRPC messages sent from the client.', 'counter'),
    responseMessages: define('istio_response_messages_total', 'gRPC messages sent from the server.', 'counter'),
    tcpSent: define('istio_tcp_sent_bytes_total', 'Bytes sent during response in a TCP connection.', 'counter'),
    tcpReceived: define(
      'istio_tcp_received_bytes_total',
      'Bytes received during request in a TCP connection.',
      'counter'
    ),
    tcpOpened: define('istio_tcp_connections_opened_total', 'TCP connections opened.', 'counter'),
    tcpClosed: define('istio_tcp_connections_closed_total', 'TCP connections closed.', 'counter'),
  };
}
