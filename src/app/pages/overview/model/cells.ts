/** Text for the overview's number cells; "–" when there is no value (no traffic, no histogram). */
export function formatRate(rps: number | null): string {
  if (rps === null) {
    return '–';
  }
  return `${rps >= 100 ? Math.round(rps) : Number(rps.toPrecision(3))} req/s`;
}

export function formatPct(pct: number | null): string {
  if (pct === null) {
    return '–';
  }
  return `${pct === 0 || pct >= 10 ? Math.round(pct) : Number(pct.toFixed(pct < 1 ? 2 : 1))}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) {
    return '–';
  }
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(2))}s` : `${Number(ms.toPrecision(3))}ms`;
}

export function formatCount(n: number | null): string {
  return n === null ? '–' : String(n);
}

/** An SVG path through the finite values, scaled into width × height; gaps (NaN) break the line. */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2 || values.length < 2) {
    return '';
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = Math.round(i * step * 10) / 10;
    // A flat series is drawn mid-height, not on the floor.
    const y = max === min ? height / 2 : Math.round((height - ((v - min) / span) * height) * 10) / 10;
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return path;
}
