import React, { useEffect, useRef } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { IconButton, Input, RadioButtonGroup, ToolbarButton, useStyles2 } from '@grafana/ui';
import { type TraceViewName } from '../types';
import { TraceJsonAction } from './TraceJsonAction';
import { AS_TEXT } from '../../../shared/i18n/asText';

interface Props {
  view: TraceViewName;
  onView: (v: TraceViewName) => void;
  /** Bumped to move focus into the find box (keyboard shortcut). */
  focusFind: number;
  findText: string;
  onFindText: (s: string) => void;
  matchCount: number;
  currentMatch: number;
  onNext: () => void;
  onPrev: () => void;
  showFilters: boolean;
  onToggleFilters: () => void;
  criticalOnly: boolean;
  onCriticalOnly: (v: boolean) => void;
  adjustSkew: boolean;
  onAdjustSkew: (v: boolean) => void;
  skewCount: number;
  collapse: { collapseAll: () => void; expandAll: () => void; collapseLevel: () => void; expandLevel: () => void };
  onHelp: () => void;
}

export function Toolbar(p: Props) {
  const styles = useStyles2(getStyles);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (p.focusFind > 0) {
      input.current?.focus();
    }
  }, [p.focusFind]);
  const skewLabel = t('trace.skew.adjust', 'Adjust clock skew ({{count}})', { count: p.skewCount });
  const views = [
    { value: 'timeline' as const, label: t('trace.view.timeline', 'Timeline') },
    { value: 'statistics' as const, label: t('trace.view.statistics', 'Statistics') },
    { value: 'flamegraph' as const, label: t('trace.view.flamegraph', 'Flame graph') },
    { value: 'callgraph' as const, label: t('trace.view.callgraph', 'Call graph') },
  ];
  return (
    <div className={styles.bar} role="toolbar" aria-label={t('trace.toolbar.label', 'Trace tools')}>
      <RadioButtonGroup size="sm" options={views} value={p.view} onChange={p.onView} />
      <div className={styles.find}>
        <Input
          ref={input}
          width={26}
          value={p.findText}
          // Short enough to show whole in the input; the title names every form.
          placeholder={t('trace.find.placeholder', 'Find… (text or key=value)')}
          title={t('trace.find.title', 'Find spans by text, key=value (tag, process or log field) or span id')}
          aria-label={t('trace.find.label', 'Find in trace')}
          onChange={(e) => p.onFindText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              e.shiftKey ? p.onPrev() : p.onNext();
            }
          }}
        />
        <span className={styles.count} aria-live="polite">
          {!p.findText.trim()
            ? ''
            : p.currentMatch >= 0
              ? t('trace.find.count', '{{current}} of {{count}} matches', {
                  ...AS_TEXT,
                  current: p.currentMatch + 1,
                  count: p.matchCount,
                  defaultValue_one: '{{current}} of {{count}} match',
                })
              : t('trace.find.total', '{{count}} matches', {
                  ...AS_TEXT,
                  count: p.matchCount,
                  defaultValue_one: '{{count}} match',
                })}
        </span>
        <IconButton
          name="angle-up"
          aria-label={t('trace.find.prev', 'Previous match')}
          onClick={p.onPrev}
          disabled={!p.matchCount}
        />
        <IconButton
          name="angle-down"
          aria-label={t('trace.find.next', 'Next match')}
          onClick={p.onNext}
          disabled={!p.matchCount}
        />
      </div>
      <ToolbarButton
        icon="filter"
        isOpen={p.showFilters}
        aria-label={t('trace.filters.toggle', 'Span filters')}
        onClick={p.onToggleFilters}
      >
        {t('trace.filters.button', 'Filters')}
      </ToolbarButton>
      <ToolbarButton
        variant={p.criticalOnly ? 'active' : 'default'}
        aria-pressed={p.criticalOnly}
        onClick={() => p.onCriticalOnly(!p.criticalOnly)}
      >
        {t('trace.critical.only', 'Critical path only')}
      </ToolbarButton>
      <ToolbarButton
        variant={p.adjustSkew ? 'active' : 'default'}
        aria-pressed={p.adjustSkew}
        disabled={p.skewCount === 0}
        // Named by its text, not by the tooltip (Grafana names a button with a tooltip by the tooltip).
        aria-label={skewLabel}
        tooltip={t(
          'trace.skew.tooltip',
          'Moves spans that start outside their parent on another service into it, as Jaeger does'
        )}
        onClick={() => p.onAdjustSkew(!p.adjustSkew)}
      >
        {skewLabel}
      </ToolbarButton>
      <span className={styles.group}>
        <IconButton
          name="minus-circle"
          aria-label={t('trace.collapse.all', 'Collapse all')}
          onClick={p.collapse.collapseAll}
        />
        <IconButton
          name="angle-up"
          aria-label={t('trace.collapse.level', 'Collapse one level')}
          onClick={p.collapse.collapseLevel}
        />
        <IconButton
          name="angle-down"
          aria-label={t('trace.expand.level', 'Expand one level')}
          onClick={p.collapse.expandLevel}
        />
        <IconButton
          name="plus-circle"
          aria-label={t('trace.expand.all', 'Expand all')}
          onClick={p.collapse.expandAll}
        />
        <IconButton name="keyboard" aria-label={t('trace.help.open', 'Keyboard shortcuts')} onClick={p.onHelp} />
      </span>
      <TraceJsonAction />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    height: 36,
    flexShrink: 0,
    overflowX: 'auto',
    overflowY: 'hidden',
  }),
  find: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), flexShrink: 0 }),
  count: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
    flexShrink: 0,
  }),
  group: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), marginLeft: 'auto', flexShrink: 0 }),
});
