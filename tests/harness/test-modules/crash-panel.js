// A deliberately broken panel plugin for the preview command's own tests: it throws while rendering.
define(['@grafana/data'], function (data) {
  function CrashingPanel() {
    throw new Error('crash-panel: thrown on purpose');
  }
  return { plugin: new data.PanelPlugin(CrashingPanel) };
});
