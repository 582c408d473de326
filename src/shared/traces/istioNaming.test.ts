import {
  escapeRegex,
  isCallToPeer,
  operationsToPeer,
  parsePeer,
  peerOperationPattern,
  peerUpstreamClusterPattern,
} from './istioNaming';

const details = { service: 'details', namespace: 'bookinfo' };

test('the peer reads back from service.namespace; dotted or invalid names are refused, not split', () => {
  expect(parsePeer('details.bookinfo')).toEqual(details);
  expect(parsePeer('my.app.shop')).toBeUndefined();
  expect(parsePeer('Details.bookinfo')).toBeUndefined();
  expect(parsePeer('details')).toBeUndefined();
  expect(parsePeer(undefined)).toBeUndefined();
});

test('Istio span names of calls to details.bookinfo match; others do not', () => {
  expect(peerOperationPattern(details)).toBe('^details\\.bookinfo(\\.svc(\\.[^:/]+)?)?(:[0-9]+)?(/.*)?$');
  const ops = [
    'details.bookinfo.svc.cluster.local:9080/*',
    'details.bookinfo.svc.corp.example:9080/details/0',
    'details.bookinfo:9080/*',
    'details.bookinfo',
    'details.bookinfo.svc.cluster.local.evil.com:9080/*',
    'details-v2.bookinfo.svc.cluster.local:9080/*',
    'detailsXbookinfo.svc.cluster.local:9080/*',
    'reviews.bookinfo.svc.cluster.local:9080/*',
    'details.bookinfo',
  ];
  expect(operationsToPeer(details, ops)).toEqual([
    'details.bookinfo.svc.cluster.local:9080/*',
    'details.bookinfo.svc.corp.example:9080/details/0',
    'details.bookinfo:9080/*',
    'details.bookinfo',
    // A host under another domain still ends in the cluster's: the name cannot tell them apart; Istio never emits it.
    'details.bookinfo.svc.cluster.local.evil.com:9080/*',
    'details.bookinfo',
  ]);
});

test('a route-named span (a path) is still a call to the peer by its upstream_cluster', () => {
  expect(peerUpstreamClusterPattern(details)).toBe(
    '^outbound\\|[0-9]+\\|[^|]*\\|details\\.bookinfo(\\.svc(\\.[^|]+)?)?$'
  );
  expect(isCallToPeer(details, '/details/0', 'outbound|9080|v1|details.bookinfo.svc.cluster.local')).toBe(true);
  expect(isCallToPeer(details, '/details/0', 'inbound|9080||')).toBe(false);
  expect(isCallToPeer(details, '/details/0')).toBe(false);
});

test('regex metacharacters in names are escaped', () => {
  expect(escapeRegex('a.b*c(d)|e[f]^$+?{}\\')).toBe('a\\.b\\*c\\(d\\)\\|e\\[f\\]\\^\\$\\+\\?\\{\\}\\\\');
});
