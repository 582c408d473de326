import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { type Rows } from '../model/rows';
import { useTraceView } from '../state/TraceViewContext';
import { Minimap } from './Minimap';
import { SpanDetailPanel } from './SpanDetailPanel';
import { SpanList } from './SpanList';
import { TimeAxis } from './TimeAxis';

interface Props {
  rows: Rows;
  width: number;
  height: number;
}

const MINIMAP_HEIGHT = 48;
const AXIS_HEIGHT = 24;

/** Minimap, time axis, span list and the detail side panel (beside or below, so rows never change height). */
export function Timeline(p: Props) {
  const styles = useStyles2(getStyles);
  const v = useTraceView();
  const [nameWidth, setNameWidth] = useState(v.options.nameColumnWidth);
  const detailOpen = v.selectedSpan >= 0;
  const side = v.options.detailPlacement === 'right';
  const listWidth = detailOpen && side ? Math.round(p.width * 0.62) : p.width;
  const detailHeight = detailOpen && !side ? Math.round(p.height * 0.45) : 0;
  const listHeight = Math.max(p.height - MINIMAP_HEIGHT - AXIS_HEIGHT - detailHeight, 48);
  return (
    <div className={side ? styles.row : styles.column}>
      <div className={styles.main} style={{ width: listWidth }}>
        <Minimap
          columns={v.columns}
          range={v.viewRange.range}
          onRange={v.viewRange.setRange}
          onReset={v.viewRange.reset}
          width={listWidth}
          height={MINIMAP_HEIGHT}
        />
        <TimeAxis
          columns={v.columns}
          range={v.viewRange.range}
          nameWidth={nameWidth}
          onNameWidth={setNameWidth}
          width={listWidth}
          height={AXIS_HEIGHT}
        />
        <SpanList rows={p.rows} nameWidth={nameWidth} width={listWidth} height={listHeight} />
      </div>
      {detailOpen && (
        <SpanDetailPanel
          client={v.client}
          columns={v.columns}
          span={v.selectedSpan}
          series={v.series}
          panelId={v.panelId}
          onClose={() => v.selectSpan(-1)}
          onGoToSpan={(i) => {
            v.selectSpan(i);
            v.goToSpan(i);
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
