import React from 'react';
import { dateTime, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { PreviewPanel, type PanelPlugins } from './PreviewPanel';
import { CELL_PX as CELL, GAP_PX as GAP, HEADER_PX } from './grid';
import { type SavedPanel } from './loadPanel';
import { resolveVariables, scopedVarsOf, type ResolvedVariable, type SavedVariable } from './variables';

export interface SavedDashboard {
  title: string;
  panels: SavedPanel[];
  templating?: { list: Array<SavedVariable & { label?: string; hide?: number }> };
}

export interface PreviewRequest {
  dashboard: SavedDashboard;
  overrides: Record<string, string[]>;
  rangeSeconds: number;
  emptyReasons: Record<string, string>;
  width: number;
  theme: GrafanaTheme2;
  plugins: PanelPlugins;
}

function VariableBar({
  dashboard,
  vars,
  theme,
}: {
  dashboard: SavedDashboard;
  vars: ResolvedVariable[];
  theme: GrafanaTheme2;
}) {
  const saved = dashboard.templating?.list ?? [];
  // Data source variables hold a uid; Grafana shows the data source's name.
  const names: Record<string, string> = { 'meshlens-prometheus': 'Prometheus', 'meshlens-jaeger': 'Jaeger' };
  const text = (v: ResolvedVariable) =>
    v.values[0] === '$__all' ? 'All' : v.values.map((x) => names[x] ?? x).join(' + ') || '(empty)';
  const label = (name: string) => saved.find((s) => s.name === name)?.label ?? name;
  const shown = vars.filter((v) => !saved.find((s) => s.name === v.name)?.hide);
  const inMenu = vars.filter((v) => saved.find((s) => s.name === v.name)?.hide === 3);
  const chip: React.CSSProperties = {
    padding: '2px 8px',
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    marginRight: 8,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    flexShrink: 1,
    minWidth: 0,
  };
  return (
    <div style={{ height: HEADER_PX, padding: `${GAP}px 0`, boxSizing: 'border-box' }}>
      <div style={{ fontSize: theme.typography.h4.fontSize, marginBottom: 8 }}>{dashboard.title}</div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          color: theme.colors.text.secondary,
          flexWrap: 'nowrap',
          overflow: 'hidden',
        }}
      >
        {shown.map((v) => (
          <span key={v.name} style={{ ...chip, flexShrink: 0 }} data-testid="preview-variable">
            {label(v.name)}: <span style={{ color: theme.colors.text.primary }}>{text(v)}</span>
          </span>
        ))}
        {inMenu.length > 0 && (
          <span style={chip} title="Variables Grafana 12.4 lists under the dashboard controls button">
            Controls menu: {inMenu.map((v) => `${label(v.name)} = ${text(v)}`).join(', ')}
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * A generated dashboard laid out on Grafana's 24-column grid by gridPos: rows as headers, every other panel
 * queried through the harness data sources and drawn with @grafana/ui (or the MeshLens panel from dist/).
 * It sets data-meshlens-ready once every panel has its outcome.
 */
export function DashboardPreview(req: PreviewRequest) {
  const { dashboard, theme } = req;
  const [vars, setVars] = React.useState<ResolvedVariable[] | undefined>();
  const [error, setError] = React.useState<string | undefined>();
  const [done, setDone] = React.useState(0);
  const range = React.useMemo<TimeRange>(() => {
    const to = dateTime();
    const from = dateTime(to.valueOf() - req.rangeSeconds * 1000);
    return { from, to, raw: { from: `now-${req.rangeSeconds}s`, to: 'now' } };
  }, [req.rangeSeconds]);
  React.useEffect(() => {
    const r = { fromSec: Math.floor(range.from.valueOf() / 1000), toSec: Math.ceil(range.to.valueOf() / 1000) };
    resolveVariables(dashboard.templating?.list ?? [], r, req.overrides).then(setVars, (e: Error) =>
      setError(e.message)
    );
  }, [dashboard, range, req.overrides]);
  if (error) {
    return (
      <div data-testid="meshlens-panel-message" role="alert">
        Dashboard preview: {error}
      </div>
    );
  }
  if (!vars) {
    return null;
  }
  const ctx = { scoped: scopedVarsOf(vars), vars, range, theme, widthPx: req.width, emptyReasons: req.emptyReasons };
  const col = (req.width + GAP) / 24;
  const queried = dashboard.panels.filter((p) => p.type !== 'row');
  return (
    <div
      data-meshlens-ready={done >= queried.length ? 'true' : undefined}
      data-testid="dashboard-preview"
      style={{ padding: `0 ${GAP}px` }}
    >
      {/* Two of Grafana's global styles the components rely on: border-box sizing (table cells are sized with
          their padding) and buttons (legend labels, table headers) inheriting the text colour. */}
      <style>
        {'#meshlens-host-frame *, #meshlens-host-frame *::before, #meshlens-host-frame *::after { box-sizing: border-box; }' +
          ' #meshlens-host-frame button { color: inherit; font-family: inherit; }'}
      </style>
      <VariableBar dashboard={dashboard} vars={vars} theme={theme} />
      <div style={{ position: 'relative' }}>
        {dashboard.panels.map((p) => {
          const style: React.CSSProperties = {
            position: 'absolute',
            left: p.gridPos.x * col,
            top: p.gridPos.y * (CELL + GAP),
          };
          const width = Math.round(p.gridPos.w * col - GAP);
          const height = p.gridPos.h * (CELL + GAP) - GAP;
          if (p.type === 'row') {
            return (
              <div
                key={p.id}
                style={{
                  ...style,
                  width,
                  height,
                  display: 'flex',
                  alignItems: 'center',
                  fontSize: theme.typography.h5.fontSize,
                }}
                data-testid="preview-row"
              >
                {p.title}
              </div>
            );
          }
          return (
            <div key={p.id} style={style}>
              <PreviewPanel
                panel={p}
                width={width}
                height={height}
                ctx={ctx}
                plugins={req.plugins}
                onDone={() => setDone((n) => n + 1)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
