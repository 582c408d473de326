import { dateTime, type TimeRange } from '@grafana/data';
import { buildEnrichmentQueries, buildGraphQueries, defaultTrafficRates, idleDeploymentsQuery } from '../../../../shared/istio/graphQueries';
import { choosePrometheus, presetPlan, presetRequest } from './presetRequest';

const input = { namespaces: 'bookinfo', compareOffset: '', includeIdleEdges: false, showIdleNodes: false };
const range: TimeRange = { from: dateTime(1_700_000_000_000), to: dateTime(1_700_000_300_000), raw: { from: 'now-5m', to: 'now' } };

describe('presetPlan', () => {
  it("is Kiali's traffic queries then the enrichment queries, exactly as the shared builders write them", () => {
    const plan = presetPlan(input);
    if (!plan.ok) {
      throw new Error(plan.error);
    }
    const o = { namespaces: ['bookinfo'], range: '$__range', rates: defaultTrafficRates, includeIdleEdges: false, isAmbientNamespace: false, round: false };
    const expected = [
      ...buildGraphQueries(o).map((q) => q.expr),
      ...buildEnrichmentQueries({ ...o, responseTime: '95', throughput: 'response', security: true }).map((q) => q.expr),
    ];
    expect(plan.targets.map((t) => t.expr)).toEqual(expected);
    expect(plan.targets[1].expr).toBe(
      'sum(rate(istio_requests_total{reporter=~"waypoint|destination",destination_workload_namespace="bookinfo"} [$__range])) by (source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_revision,destination_cluster,destination_service_namespace,destination_service,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_canonical_revision,request_protocol,response_code,grpc_response_status,response_flags) > 0'
    );
    expect(plan.targets.every((t) => t.instant && t.format === 'table')).toBe(true);
  });

  it('reads a replaced multi-value variable in both csv and brace form, without duplicates', () => {
    const csv = presetPlan({ ...input, namespaces: 'bookinfo, shop,bookinfo' });
    const braces = presetPlan({ ...input, namespaces: '{bookinfo,shop}' });
    expect(csv.ok && csv.namespaces).toEqual(['bookinfo', 'shop']);
    expect(braces.ok && braces.namespaces).toEqual(['bookinfo', 'shop']);
  });

  it('adds the idle-node query and the earlier window when asked', () => {
    const plan = presetPlan({ ...input, namespaces: 'a,b', compareOffset: '1h', showIdleNodes: true });
    expect(plan.ok && plan.targets[0].expr).toBe(idleDeploymentsQuery(['a', 'b']));
    expect(plan.ok && plan.targets.filter((t) => t.refId.startsWith('previous ')).length).toBe(6);
  });

  it('filters by the replaced cluster variable, and not at all for Grafana’s “All”', () => {
    const east = presetPlan({ ...input, clusters: '{east,west}' });
    expect(east.ok && east.clusters).toEqual(['east', 'west']);
    expect(east.ok && east.targets[1].expr).toContain('destination_workload_namespace="bookinfo",destination_cluster=~"east|west"}');
    for (const all of ['', '$__all', '*']) {
      const plan = presetPlan({ ...input, clusters: all });
      expect(plan.ok && plan.clusters).toEqual([]);
    }
    const undefinedVar = presetPlan({ ...input, clusters: '$cluster' });
    expect(!undefinedVar.ok && undefinedVar.error).toBe('The cluster "$cluster" is a variable this dashboard does not define.');
  });

  it.each([
    ['', /needs namespaces/],
    [' , ', /needs namespaces/],
    ['$namespace', /"\$namespace" is a variable this dashboard does not define/],
  ])('namespaces %p: %p', (namespaces, message) => {
    const plan = presetPlan({ ...input, namespaces });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.error).toMatch(message);
  });

  it('reads Grafana’s “All” namespaces as a lookup of the namespaces with Istio traffic, then no queries yet', () => {
    for (const all of ['.*', '$__all', '*']) {
      expect(presetPlan({ ...input, namespaces: all })).toEqual({
        ok: true,
        namespaces: [],
        clusters: [],
        targets: [],
        namespaceLookup: 'label_values({__name__=~"istio_requests_total|istio_tcp_received_bytes_total"}, destination_workload_namespace)',
      });
    }
    const east = presetPlan({ ...input, namespaces: '.*', clusters: 'east' });
    expect(east.ok && east.namespaceLookup).toBe(
      'label_values({__name__=~"istio_requests_total|istio_tcp_received_bytes_total",destination_cluster=~"east"}, destination_workload_namespace)'
    );
    const badOffset = presetPlan({ ...input, namespaces: '.*', compareOffset: 'soon' });
    expect(badOffset.ok).toBe(false);
  });

  it('rejects a comparison offset Prometheus would not parse', () => {
    const plan = presetPlan({ ...input, compareOffset: '1 hour' });
    expect(!plan.ok && plan.error).toBe('"Compare with" must be "previous" (the span before the range) or a Prometheus duration such as 1h or 1d, not "1 hour".');
  });

  it('"previous" compares with the span just before the picked range: an offset of $__range', () => {
    const plan = presetPlan({ ...input, compareOffset: 'previous' });
    const previous = plan.ok ? plan.targets.filter((t) => t.refId.startsWith('previous ')) : [];
    expect(previous).toHaveLength(6);
    expect(previous.every((t) => t.expr.includes('[$__range] offset $__range))'))).toBe(true);
  });
});

describe('choosePrometheus', () => {
  it("takes the option, else the app's provisioned uid when it exists, else Grafana's default", () => {
    expect(choosePrometheus(' mine ', () => false)).toBe('mine');
    expect(choosePrometheus('', (uid) => uid === 'meshlens-prometheus')).toBe('meshlens-prometheus');
    expect(choosePrometheus('', () => false)).toBeUndefined();
  });
});

describe('presetRequest', () => {
  const plan = presetPlan(input);
  const targets = plan.ok ? plan.targets : [];
  const ctx = {
    requestId: 'meshgraph-1',
    range,
    width: 600,
    scopedVars: { namespace: { text: 'bookinfo', value: 'bookinfo' } },
    timezone: 'utc',
    panelId: 7,
    datasource: { type: 'prometheus', uid: 'prom' },
    now: 42,
  };

  it("carries the panel's range, scoped variables and the data source on every target", () => {
    const req = presetRequest(targets, ctx);
    expect(req.range).toBe(range);
    expect(req.scopedVars).toEqual(ctx.scopedVars);
    expect(req.panelId).toBe(7);
    expect(req.targets).toHaveLength(targets.length);
    expect(req.targets[0]).toEqual({ ...targets[0], datasource: { type: 'prometheus', uid: 'prom' } });
    expect(targets[0]).not.toHaveProperty('datasource');
  });

  it("uses Grafana's interval when the panel request has one, else derives it from range and width", () => {
    expect(presetRequest(targets, { ...ctx, interval: { interval: '15s', intervalMs: 15000 } })).toMatchObject({ interval: '15s', intervalMs: 15000 });
    // 5 minutes over 600 px: Grafana's rounding of 0.5 s is 500 ms.
    expect(presetRequest(targets, ctx)).toMatchObject({ interval: '500ms', intervalMs: 500, maxDataPoints: 600 });
  });
});
