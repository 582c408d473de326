export interface TracePanelOptions {
  /** Width of the span name column, as a fraction of the panel width. */
  nameColumnWidth: number;
}

export const defaultTracePanelOptions: TracePanelOptions = {
  nameColumnWidth: 0.3,
};
