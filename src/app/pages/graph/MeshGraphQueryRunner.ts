import { SceneQueryRunner, VariableDependencyConfig, sceneGraph, type QueryRunnerState, type SceneObject } from '@grafana/scenes';
import { type PresetTarget } from '../../../shared/istio/graphQueries';
import { RAW_SWITCH_VARIABLE, recordedQueries } from '../../../shared/istio/recordedScene';
import { DEFAULT_DISPLAY, QUERY_DISPLAY, type DisplayOption } from './model/displayOptions';
import { graphTargets, variableValues } from './model/graphOptions';

export interface MeshGraphQueryRunnerState extends QueryRunnerState {
  /** Display choices that change the queries (idle edges drop Kiali's `> 0`; compare adds the earlier window). */
  display?: readonly DisplayOption[];
  /** Fixed namespaces (a detail page); otherwise the `namespace` variable's values. */
  namespaces?: readonly string[];
}

/** A variable's chosen value as the state holds it (`$__all` for All, not the expanded list). */
function valueOf(from: SceneObject, name: string): unknown {
  const variable = sceneGraph.lookupVariable(name, from);
  return variable ? (variable.state as { value?: unknown }).value : undefined;
}

/**
 * The mesh graph's grouped queries, built from the namespace and cluster variables' values each time it runs: the
 * values are escaped into the PromQL text (src/shared/promql), never pasted by Grafana's `${var:regex}` format, whose
 * `\.` is not a valid PromQL string escape (a cluster named `a.b` broke the query). In a scene with the hidden `raw`
 * switch (recordedScene.ts: the Graph page, the detail pages) every rate a recorded family keeps is read from it while
 * the recording rules run; the p95 (bucket increases), gRPC message, comparison-window (`offset`) and deployments
 * queries stay on the raw series, as written.
 */
export class MeshGraphQueryRunner extends SceneQueryRunner {
  protected override _variableDependency = new VariableDependencyConfig(this, {
    variableNames: ['namespace', 'cluster', RAW_SWITCH_VARIABLE],
    onVariableUpdateCompleted: () => this.runQueries(),
  });

  constructor(state: MeshGraphQueryRunnerState) {
    super(state);
  }

  /** The namespaces the queries read: fixed, or the variable's. */
  namespaces(): string[] {
    const fixed = (this.state as MeshGraphQueryRunnerState).namespaces;
    return fixed ? [...fixed] : variableValues(valueOf(this, 'namespace'));
  }

  /** The queries for the variables' current values: recorded-or-raw behind `$raw` where the scene probes it. */
  targets(): PresetTarget[] {
    const state = this.state as MeshGraphQueryRunnerState;
    const clusters = variableValues(valueOf(this, 'cluster'));
    const targets = graphTargets(this.namespaces(), clusters, state.display ?? DEFAULT_DISPLAY);
    return sceneGraph.lookupVariable(RAW_SWITCH_VARIABLE, this) ? recordedQueries(targets) : targets;
  }

  override runQueries() {
    this.setState({ queries: this.targets() });
    super.runQueries();
  }

  /** The display choices; the queries run again when one that changes them (idle edges) changed. */
  setDisplay(display: readonly DisplayOption[]) {
    const before = (this.state as MeshGraphQueryRunnerState).display ?? DEFAULT_DISPLAY;
    this.setState({ display } as Partial<QueryRunnerState>);
    if (QUERY_DISPLAY.some((o) => before.includes(o) !== display.includes(o)) && this.isActive) {
      this.runQueries();
    }
  }
}
