import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Dropdown, IconButton, Input, Menu, ToolbarButton, useStyles2 } from '@grafana/ui';

interface Props {
  find: string;
  hide: string;
  findError?: string;
  hideError?: string;
  matches: number;
  onFind: (text: string) => void;
  onHide: (text: string) => void;
  onZoom: (factor: number) => void;
  onFit: () => void;
  legend: boolean;
  onLegend: () => void;
  onExport: (kind: 'png' | 'svg' | 'json' | 'kiali') => void;
  canExportKiali: boolean;
}

/** Find and hide (Kiali's grammar), zoom and fit, legend, export. Expressions apply after a short pause. */
export function Toolbar(p: Props) {
  const styles = useStyles2(getStyles);
  const [find, setFind] = useState(p.find);
  const [hide, setHide] = useState(p.hide);
  const { onFind, onHide } = p;
  useEffect(() => {
    const id = setTimeout(() => onFind(find), 250);
    return () => clearTimeout(id);
  }, [find, onFind]);
  useEffect(() => {
    const id = setTimeout(() => onHide(hide), 250);
    return () => clearTimeout(id);
  }, [hide, onHide]);
  const menu = (
    <Menu>
      <Menu.Item label={t('meshgraph.export.png', 'PNG image')} onClick={() => p.onExport('png')} />
      <Menu.Item label={t('meshgraph.export.svg', 'SVG image')} onClick={() => p.onExport('svg')} />
      <Menu.Item label={t('meshgraph.export.json', 'Graph as JSON (node-graph frames)')} onClick={() => p.onExport('json')} />
      {p.canExportKiali && <Menu.Item label={t('meshgraph.export.kiali', "Graph as Kiali's JSON")} onClick={() => p.onExport('kiali')} />}
    </Menu>
  );
  return (
    <div className={styles.bar}>
      <Input
        className={styles.input}
        value={find}
        placeholder={t('meshgraph.find.placeholder', 'Find: name = reviews, %httperr > 5, rt > 1000')}
        aria-label={t('meshgraph.find.label', 'Find expression')}
        invalid={Boolean(p.findError)}
        title={p.findError}
        suffix={find && !p.findError ? `${p.matches}` : undefined}
        onChange={(e) => setFind(e.currentTarget.value)}
      />
      <Input
        className={styles.input}
        value={hide}
        placeholder={t('meshgraph.hide.placeholder', 'Hide: healthy, name = unknown')}
        aria-label={t('meshgraph.hide.label', 'Hide expression')}
        invalid={Boolean(p.hideError)}
        title={p.hideError}
        onChange={(e) => setHide(e.currentTarget.value)}
      />
      <IconButton name="search-plus" aria-label={t('meshgraph.zoomIn', 'Zoom in')} onClick={() => p.onZoom(1.25)} />
      <IconButton name="search-minus" aria-label={t('meshgraph.zoomOut', 'Zoom out')} onClick={() => p.onZoom(0.8)} />
      <IconButton name="sitemap" aria-label={t('meshgraph.fit', 'Fit graph')} onClick={p.onFit} />
      <ToolbarButton icon="info-circle" variant={p.legend ? 'active' : 'default'} aria-label={t('meshgraph.legend.toggle', 'Legend')} onClick={p.onLegend} />
      <Dropdown overlay={menu}>
        <ToolbarButton icon="download-alt" aria-label={t('meshgraph.export.label', 'Export')} />
      </Dropdown>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({ display: 'flex', gap: theme.spacing(0.5), alignItems: 'center', padding: theme.spacing(0.5), height: theme.spacing(5) }),
  input: css({ flex: 1, minWidth: 80 }),
});
