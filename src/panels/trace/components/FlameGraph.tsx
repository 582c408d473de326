import React, { useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { colorForName } from '../../../shared/ui/serviceColor';
import { FLAG_ERROR, type TraceColumns } from '../model/columns';
import { spanAt, spansByDepth } from '../model/levels';

interface Props {
  columns: TraceColumns;
  adjustSkew: boolean;
  width: number;
  height: number;
  onSelectSpan: (i: number) => void;
}

const LEVEL = 18;

/** Time-ordered flame graph (x = time, y = depth) on a canvas the size of the viewport, redrawn on scroll. */
export function FlameGraph({ columns: c, adjustSkew, width, height, onSelectSpan }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const levels = useMemo(() => spansByDepth(c), [c]);
  const colors = useMemo(() => c.services.map((s) => colorForName(theme, s)), [c, theme]);
  const depthCount = levels.offsets.length - 1;
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.clearRect(0, 0, w, h);
    ctx.font = `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`;
    ctx.textBaseline = 'middle';
    const t0 = c.summary.startMs;
    const scale = w / (c.summary.durationMs || 1);
    const first = Math.floor(scrollTop / LEVEL);
    const last = Math.min(depthCount - 1, Math.ceil((scrollTop + h) / LEVEL));
    const drawn = new Int32Array(w + 1).fill(-1);
    for (let d = first; d <= last; d++) {
      const y = d * LEVEL - scrollTop;
      for (let k = levels.offsets[d]; k < levels.offsets[d + 1]; k++) {
        const i = levels.spans[k];
        const x = (c.start[i] + (adjustSkew ? c.shift[i] : 0) - t0) * scale;
        const bw = c.duration[i] * scale;
        const px = Math.max(0, Math.min(w, Math.floor(x)));
        // Sub-pixel spans: one rectangle per pixel column per level is enough.
        if (bw < 1 && drawn[px] === d) {
          continue;
        }
        drawn[px] = d;
        const fill = c.flags[i] & FLAG_ERROR ? theme.colors.error.main : colors[c.service[i]];
        ctx.fillStyle = fill;
        ctx.fillRect(x, y + 1, Math.max(bw - 1, 1), LEVEL - 2);
        if (bw > 48) {
          ctx.fillStyle = theme.colors.getContrastText(fill);
          ctx.save();
          ctx.beginPath();
          ctx.rect(x, y, bw - 2, LEVEL);
          ctx.clip();
          ctx.fillText(`${c.services[c.service[i]]}: ${c.operations[c.operation[i]]}`, x + 4, y + LEVEL / 2);
          ctx.restore();
        }
      }
    }
  }, [c, levels, colors, theme, adjustSkew, scrollTop, w, h, depthCount]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const depth = Math.floor((e.clientY - box.top + scrollTop) / LEVEL);
    const ms = c.summary.startMs + ((e.clientX - box.left) / (box.width || 1)) * c.summary.durationMs;
    const i = spanAt(c, levels, depth, ms, adjustSkew);
    if (i >= 0) {
      onSelectSpan(i);
    }
  };
  return (
    <div className={styles.scroll} style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: depthCount * LEVEL, position: 'relative' }}>
        <canvas
          ref={canvasRef}
          width={w}
          height={h}
          className={styles.canvas}
          style={{ top: scrollTop }}
          role="img"
          aria-label={t('trace.flame.label', 'Flame graph of {{count}} spans; click a span to open it', { count: c.count, defaultValue_one: 'Flame graph of {{count}} span; click a span to open it' })}
          onClick={onClick}
        />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto', position: 'relative', background: theme.colors.background.primary }),
  canvas: css({ position: 'absolute', left: 0, cursor: 'pointer' }),
});
