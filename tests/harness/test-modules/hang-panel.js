// A deliberately broken panel plugin for the preview command's own tests: it blocks the main thread forever.
define(['@grafana/data'], function (data) {
  function HangingPanel() {
    for (;;) {
      // never returns
    }
  }
  return { plugin: new data.PanelPlugin(HangingPanel) };
});
