import { ENVOY_BUCKETS } from '../model/distribution';
import type { Family, MetricStore } from './store';

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

/** The istio_stats filter's standard metrics (istio.io "Istio Standard Metrics"), default Envoy buckets. */
export function defineIstioFamilies(store: MetricStore): IstioFamilies {
  return {
    requests: store.define('istio_requests_total', 'Requests processed by an Istio proxy.', 'counter'),
    duration: store.define(
      'istio_request_duration_milliseconds',
      'Duration of requests, in milliseconds.',
      'histogram',
      ENVOY_BUCKETS
    ),
    requestBytes: store.define('istio_request_bytes', 'HTTP request body sizes.', 'histogram', ENVOY_BUCKETS),
    responseBytes: store.define('istio_response_bytes', 'HTTP response body sizes.', 'histogram', ENVOY_BUCKETS),
    requestMessages: store.define('istio_request_messages_total', 'gRPC messages sent from the client.', 'counter'),
    responseMessages: store.define('istio_response_messages_total', 'gRPC messages sent from the server.', 'counter'),
    tcpSent: store.define('istio_tcp_sent_bytes_total', 'Bytes sent during response in a TCP connection.', 'counter'),
    tcpReceived: store.define(
      'istio_tcp_received_bytes_total',
      'Bytes received during request in a TCP connection.',
      'counter'
    ),
    tcpOpened: store.define('istio_tcp_connections_opened_total', 'TCP connections opened.', 'counter'),
    tcpClosed: store.define('istio_tcp_connections_closed_total', 'TCP connections closed.', 'counter'),
  };
}
