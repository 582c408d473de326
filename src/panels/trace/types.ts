export type TraceViewName = 'timeline' | 'statistics' | 'flamegraph' | 'callgraph';

export interface TracePanelOptions {
  /** View shown first. */
  defaultView: TraceViewName;
  /** Text after each bar: the duration, an attribute's value, or nothing. */
  barLabel: 'duration' | 'attribute' | 'none';
  /** Attribute whose value labels the bars when barLabel is 'attribute'. */
  barLabelAttribute: string;
  /** Draw the critical path over the bars. */
  showCriticalPath: boolean;
  colorBy: 'service' | 'status';
  detailPlacement: 'right' | 'bottom';
  /** Width of the span name column, as a fraction of the timeline width. */
  nameColumnWidth: number;
  /** Start with clock-skew adjustment on. */
  adjustClockSkew: boolean;
}

export const defaultTracePanelOptions: TracePanelOptions = {
  defaultView: 'timeline',
  barLabel: 'duration',
  barLabelAttribute: 'http.status_code',
  showCriticalPath: true,
  colorBy: 'service',
  detailPlacement: 'right',
  nameColumnWidth: 0.3,
  adjustClockSkew: false,
};
