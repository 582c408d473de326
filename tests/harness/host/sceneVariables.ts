/**
 * The part of Grafana's TemplateSrv that scene queries need, without bundling a second copy of
 * @grafana/scenes into the host: find `$name` / `${name}` / `${name:format}` in the nearest
 * ancestor's variable set and format its value the way Grafana's Prometheus data source does
 * (one value escaped for a string literal; several as a regex alternation of escaped values).
 */
export interface SceneLike {
  state: { $variables?: { state: { variables: Array<{ state: { name: string }; getValue(): unknown }> } } };
  parent?: SceneLike;
}

function findVariable(scene: SceneLike | undefined, name: string) {
  for (let s = scene; s; s = s.parent) {
    const found = s.state.$variables?.state.variables.find((v) => v.state.name === name);
    if (found) {
      return found;
    }
  }
  return undefined;
}

const regexEscape = (v: string) => v.replace(/[\\^$*+?.()|[\]{}]/g, '\\\\$&').replace(/"/g, '\\"');
const literalEscape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

function format(value: unknown, fmt: string | undefined): string {
  const values = (Array.isArray(value) ? value : [value]).map((v) => String(v ?? ''));
  switch (fmt) {
    case 'raw':
      return values.join(',');
    case 'csv':
      return values.join(',');
    case 'pipe':
      return values.join('|');
    case 'regex':
      return values.length === 1 ? regexEscape(values[0]) : `(${values.map(regexEscape).join('|')})`;
    default:
      return Array.isArray(value) ? `(${values.map(regexEscape).join('|')})` : literalEscape(values[0]);
  }
}

export function interpolateFromScene(scene: SceneLike, target: string): string {
  return target.replace(/\$(\w+)|\$\{(\w+)(?::(\w+))?\}/g, (match, a: string | undefined, b: string | undefined, fmt: string | undefined) => {
    const variable = findVariable(scene, (a ?? b)!);
    return variable ? format(variable.getValue(), fmt) : match;
  });
}
