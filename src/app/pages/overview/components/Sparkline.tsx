import React from 'react';
import { useTheme2 } from '@grafana/ui';
import { sparklinePath } from '../model/cells';

interface Props {
  values: readonly number[] | undefined;
  width: number;
  height: number;
  label: string;
}

/** A plain SVG line: hundreds of rows cannot each afford a uPlot instance. */
export function Sparkline({ values, width, height, label }: Props) {
  const theme = useTheme2();
  const d = values ? sparklinePath(values, width, height - 2) : '';
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      {d && <path d={d} transform="translate(0 1)" fill="none" stroke={theme.colors.primary.main} strokeWidth={1.5} />}
    </svg>
  );
}
