import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { TracePanel } from './components/TracePanel';
import { defaultTracePanelOptions, type TracePanelOptions } from './types';

export const plugin = new PanelPlugin<TracePanelOptions>(TracePanel).setPanelOptions((builder) =>
  builder.addSliderInput({
    path: 'nameColumnWidth',
    name: 'Span name column',
    description: 'Width of the span name column, as a fraction of the panel',
    defaultValue: defaultTracePanelOptions.nameColumnWidth,
    settings: { min: 0.15, max: 0.6, step: 0.05 },
  })
);
