import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { bundledLocales } from '../../shared/i18n/bundledLocales';
import pluginJson from './plugin.json';
// Static, not import(`./locales/${lang}/…`): see bundledLocales.
import enUS from './locales/en-US/meshlens-trace-panel.json';
import { TracePanel } from './components/TracePanel';
import { defaultTracePanelOptions as d, type TracePanelOptions } from './types';

// Before anything renders, so counts get their plural forms; Grafana waits for a module's top-level await.
await initPluginTranslations(pluginJson.id, [bundledLocales(pluginJson.languages, { 'en-US': enUS })]);

export const plugin = new PanelPlugin<TracePanelOptions>(TracePanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'defaultView',
      name: 'Default view',
      defaultValue: d.defaultView,
      settings: {
        options: [
          { value: 'timeline', label: 'Timeline' },
          { value: 'statistics', label: 'Statistics' },
          { value: 'flamegraph', label: 'Flame graph' },
          { value: 'callgraph', label: 'Call graph' },
        ],
      },
    })
    .addRadio({
      path: 'barLabel',
      name: 'Bar label',
      defaultValue: d.barLabel,
      settings: {
        options: [
          { value: 'duration', label: 'Duration' },
          { value: 'attribute', label: 'Attribute' },
          { value: 'none', label: 'None' },
        ],
      },
    })
    .addTextInput({
      path: 'barLabelAttribute',
      name: 'Label attribute',
      description: 'Span or resource attribute shown after each bar',
      defaultValue: d.barLabelAttribute,
      showIf: (o) => o.barLabel === 'attribute',
    })
    .addBooleanSwitch({ path: 'showCriticalPath', name: 'Critical path', defaultValue: d.showCriticalPath })
    .addRadio({
      path: 'colorBy',
      name: 'Colour bars by',
      defaultValue: d.colorBy,
      settings: { options: [{ value: 'service', label: 'Service' }, { value: 'status', label: 'Status' }] },
    })
    .addRadio({
      path: 'detailPlacement',
      name: 'Span detail',
      defaultValue: d.detailPlacement,
      settings: { options: [{ value: 'right', label: 'Right' }, { value: 'bottom', label: 'Bottom' }] },
    })
    .addBooleanSwitch({ path: 'adjustClockSkew', name: 'Adjust clock skew', description: 'Start with the skew adjustment on', defaultValue: d.adjustClockSkew })
    .addSliderInput({
      path: 'nameColumnWidth',
      name: 'Span name column',
      description: 'Width of the span name column, as a fraction of the timeline',
      defaultValue: d.nameColumnWidth,
      settings: { min: 0.15, max: 0.6, step: 0.05 },
    })
);
