import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { type TraceColumns } from '../model/columns';
import { type Rows } from '../model/rows';
import { type EngineClient } from '../state/engineClient';
import { type useCollapse } from '../state/useCollapse';
import { type useViewRange } from '../state/useViewRange';
import { type TracePanelOptions } from '../types';
import { Minimap } from './Minimap';
import { SpanDetailPanel } from './SpanDetailPanel';
import { SpanList } from './SpanList';
import { TimeAxis } from './TimeAxis';

interface Props {
  client: EngineClient;
  series: readonly DataFrame[];
  columns: TraceColumns;
  rows: Rows;
  collapse: ReturnType<typeof useCollapse>;
  viewRange: ReturnType<typeof useViewRange>;
  matchSet: Uint8Array;
  currentMatch: number;
  selectedSpan: number;
  onSelectSpan: (i: number) => void;
  onGoToSpan: (i: number) => void;
  scrollTarget: { span: number; seq: number };
  options: TracePanelOptions;
  width: number;
  height: number;
}

const MINIMAP_HEIGHT = 48;
const AXIS_HEIGHT = 24;

/** Minimap, time axis, span list and the detail side panel (beside or below, so rows never change height). */
export function Timeline(p: Props) {
  const styles = useStyles2(getStyles);
  const [nameWidth, setNameWidth] = useState(p.options.nameColumnWidth);
  const detailOpen = p.selectedSpan >= 0;
  const side = p.options.detailPlacement === 'right';
  const listWidth = detailOpen && side ? Math.round(p.width * 0.62) : p.width;
  const detailHeight = detailOpen && !side ? Math.round(p.height * 0.45) : 0;
  const listHeight = Math.max(p.height - MINIMAP_HEIGHT - AXIS_HEIGHT - detailHeight, 48);
  return (
    <div className={side ? styles.row : styles.column}>
      <div className={styles.main} style={{ width: listWidth }}>
        <Minimap
          columns={p.columns}
          range={p.viewRange.range}
          onRange={p.viewRange.setRange}
          onReset={p.viewRange.reset}
          width={listWidth}
          height={MINIMAP_HEIGHT}
        />
        <TimeAxis
          columns={p.columns}
          range={p.viewRange.range}
          nameWidth={nameWidth}
          onNameWidth={setNameWidth}
          width={listWidth}
          height={AXIS_HEIGHT}
        />
        <SpanList
          client={p.client}
          columns={p.columns}
          rows={p.rows}
          collapsed={p.collapse.collapsed}
          onToggle={p.collapse.toggle}
          range={p.viewRange.range}
          matchSet={p.matchSet}
          currentMatch={p.currentMatch}
          selectedSpan={p.selectedSpan}
          onSelectSpan={p.onSelectSpan}
          scrollTarget={p.scrollTarget}
          options={p.options}
          nameWidth={nameWidth}
          width={listWidth}
          height={listHeight}
        />
      </div>
      {detailOpen && (
        <SpanDetailPanel
          client={p.client}
          columns={p.columns}
          span={p.selectedSpan}
          series={p.series}
          onClose={() => p.onSelectSpan(-1)}
          onGoToSpan={(i) => {
            p.onSelectSpan(i);
            p.onGoToSpan(i);
          }}
          width={side ? p.width - listWidth : p.width}
          height={side ? p.height : detailHeight}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', flexDirection: 'row', minHeight: 0, flexGrow: 1 }),
  column: css({ display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 }),
  main: css({
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    borderRight: `1px solid ${theme.colors.border.weak}`,
  }),
});
