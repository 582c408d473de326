/** The nested trace panel's plugin id (src/panels/trace/plugin.json); the page shows traces in it. */
export const TRACE_PANEL_ID = 'meshlens-trace-panel';
