import { bookinfoModel } from '../__fixtures__/kialiSamples';
import { defaultHealthThresholds } from '../../../../shared/health';
import { viewFromMesh } from '../view/fromMesh';
import { applyHide, findMatches } from './applyFind';
import { compileFind } from './findExpression';

const graph = viewFromMesh(bookinfoModel(), defaultHealthThresholds, ['trafficRate']);
const titles = (expr: string) => {
  const r = compileFind(expr);
  if (!r.ok) {
    throw new Error(r.error);
  }
  const ids = findMatches(graph, r.matcher);
  return graph.nodes.filter((n) => ids.has(n.id)).map((n) => n.title).sort();
};
const edgeCount = (expr: string) => {
  const r = compileFind(expr);
  return r.ok ? graph.edges.filter((e) => r.matcher.edge?.(e)).length : -1;
};

describe('find/hide expressions', () => {
  it('finds nodes by name, namespace, workload, app, version and node type', () => {
    expect(titles('name = productpage-v1')).toEqual(['productpage-v1']);
    expect(titles('name contains reviews')).toEqual(['reviews-v1', 'reviews-v2', 'reviews-v3']);
    expect(titles('app = reviews AND version = v2')).toEqual(['reviews-v2']);
    expect(titles('namespace = bankapp')).toEqual(['deposit-v1', 'pricing-v1']);
    expect(titles('node = svc')).toEqual(['unknown']);
    expect(titles('workload ^= tcp OR service = unknown')).toEqual(['tcp-v1', 'unknown']);
  });

  it('name = reviews finds every version on the default (versioned app) graph, as Kiali’s name operand does', () => {
    const versioned = viewFromMesh(bookinfoModel({ graphType: 'versionedApp', injectServiceNodes: true }), defaultHealthThresholds, ['trafficRate']);
    const r = compileFind('name = reviews');
    if (!r.ok) {
      throw new Error(r.error);
    }
    const ids = findMatches(versioned, r.matcher);
    const found = versioned.nodes.filter((n) => ids.has(n.id)).map((n) => `${n.mesh?.nodeType}:${n.title}`).sort();
    expect(found).toEqual(['app:reviews v1', 'app:reviews v2', 'app:reviews v3', 'service:reviews']);
  });

  it('finds by unary flags and health', () => {
    expect(titles('unknown')).toEqual(['unknown', 'unknown']);
    expect(titles('root')).toEqual(['ingressgateway-unknown', 'unknown']);
    expect(titles('!healthy AND namespace = bookinfo')).toEqual(['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v2', 'reviews-v3']);
  });

  it('finds edges by error %, traffic %, protocol and rate', () => {
    expect(edgeCount('%httperr > 30')).toBe(4);
    expect(edgeCount('%httptraffic >= 50')).toBe(5);
    expect(edgeCount('protocol = tcp')).toBe(3);
    expect(edgeCount('tcp > 100')).toBe(2);
    expect(edgeCount('!mtls')).toBe(18);
  });

  it('explains bad expressions precisely', () => {
    expect(compileFind('colour = red')).toEqual({ ok: false, error: expect.stringContaining('Unknown operand "colour"') });
    expect(compileFind('rt > fast')).toEqual({ ok: false, error: '"rt >" needs a number, got "fast".' });
    expect(compileFind('name =')).toEqual({ ok: false, error: '"name =" needs a value after =.' });
    expect(compileFind('name = a AND %httperr > 1')).toEqual({ ok: false, error: expect.stringContaining('mixes node and edge criteria') });
    expect(compileFind('sparkly')).toEqual({ ok: false, error: expect.stringContaining('Unknown word "sparkly"') });
  });

  it('hides nodes with their edges and counts both', () => {
    const r = compileFind('unknown');
    if (!r.ok) {
      throw new Error(r.error);
    }
    const hidden = applyHide(graph, r.matcher);
    expect(hidden.hiddenNodes).toBe(2);
    expect(hidden.edgesOfHiddenNodes).toBe(4);
    expect(hidden.graph.nodes).toHaveLength(11);
    expect(hidden.graph.edges.length + hidden.edgesOfHiddenNodes + hidden.hiddenEdges).toBe(graph.edges.length);
  });
});
