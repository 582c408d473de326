/** The one health module: Kiali's rules for the overview, the detail pages, the mesh graph panel and the dashboards. */
export * from './thresholds';
export * from './rules';
export * from './requests';
export * from './graph';
export * from './display';
export * from './panelOptions';
