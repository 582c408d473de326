// What Grafana's template service does to a query from a scene, and how Prometheus and Tempo then read its strings.
// Tests only. Import '../testing/jsdomShims' (or this file's siblings) before @grafana/scenes.
import './jsdomShims';
import { type ScopedVars } from '@grafana/data';
import { EmbeddedScene, SceneFlexLayout, sceneGraph, type SceneObject } from '@grafana/scenes';

/**
 * The macros a data source puts in scopedVars when it runs a query (Prometheus: `$__range`, `$__rate_interval`,
 * `$__interval`), and one variable `x` so that `$x`, `${x}` and `[[x]]` would be expanded if left in a string.
 */
export const MACROS: ScopedVars = {
  __range: { text: '900s', value: '900s' },
  __rate_interval: { text: '1m', value: '1m' },
  __interval: { text: '15s', value: '15s' },
  x: { text: 'X', value: 'X' },
};

const emptyScene = new EmbeddedScene({ body: new SceneFlexLayout({ children: [] }) });

/**
 * Grafana's template service on `query`: it delegates to @grafana/scenes' interpolator (the real one, from
 * node_modules) with the scene's variables and the data source's macros.
 */
export function grafanaInterpolate(query: string, scene: SceneObject = emptyScene, vars: ScopedVars = MACROS): string {
  return sceneGraph.interpolate(scene, query, vars);
}

/** The query with only the macros outside strings replaced, as MACROS gives them: what an escaped query becomes. */
export function withMacros(query: string): string {
  return query
    .replace(/\[\$__range\]/g, '[900s]')
    .replace(/\[\$__rate_interval\]/g, '[1m]')
    .replace(/\[\$__interval\]/g, '[15s]');
}

/** Go's strconv.Unquote for a double-quoted body (what Prometheus and Tempo do); throws on what Go refuses. */
export function goUnquote(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\\"'abfnrtv]|.)/g, (_, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') {
      return String.fromCharCode(parseInt(e.slice(1), 16));
    }
    const simple: Record<string, string> = {
      '\\': '\\',
      '"': '"',
      "'": "'",
      n: '\n',
      r: '\r',
      t: '\t',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (!(e in simple)) {
      throw new Error(`invalid escape \\${e}`);
    }
    return simple[e];
  });
}

/** The value of the first `label="..."` or `label=~"..."` in a query, as Prometheus reads it. */
export function matcherValue(query: string, label: string): string {
  const m = new RegExp(`${label}=~?"((?:[^"\\\\]|\\\\.)*)"`).exec(query);
  if (!m) {
    throw new Error(`no ${label} matcher in ${query}`);
  }
  return goUnquote(m[1]);
}
