import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, IconButton, Input, RadioButtonGroup, Icon, useStyles2, type ComboboxOption } from '@grafana/ui';
import { SORT_KEYS, type SortDir, type SortKey } from '../model/rowView';

export type OverviewView = 'list' | 'cards';

interface Props {
  filter: string;
  sort: SortKey;
  dir: SortDir;
  view: OverviewView;
  onFilter(text: string): void;
  onSort(key: SortKey, dir: SortDir): void;
  onView(view: OverviewView): void;
}

export function sortLabel(key: SortKey): string {
  const labels: Record<SortKey, string> = {
    namespace: t('overview.col.namespace', 'Namespace'),
    health: t('overview.col.health', 'Health'),
    requestRate: t('overview.col.rate', 'Request rate'),
    errorPct: t('overview.col.errors', 'Errors'),
    p95Ms: t('overview.col.p95', 'P95 latency'),
    mtlsPct: t('overview.col.mtls', 'mTLS'),
    workloads: t('overview.col.workloads', 'Workloads'),
  };
  return labels[key];
}

export function OverviewToolbar({ filter, sort, dir, view, onFilter, onSort, onView }: Props) {
  const styles = useStyles2(getStyles);
  const sortOptions: Array<ComboboxOption<SortKey>> = SORT_KEYS.map((k) => ({ value: k, label: sortLabel(k) }));
  return (
    <div className={styles.bar}>
      <div className={styles.filter}>
        <Input
          prefix={<Icon name="search" />}
          value={filter}
          placeholder={t('overview.filter.placeholder', 'Filter by namespace')}
          aria-label={t('overview.filter.label', 'Filter namespaces')}
          onChange={(e) => onFilter(e.currentTarget.value)}
        />
      </div>
      <Combobox<SortKey>
        width={22}
        aria-label={t('overview.sort.label', 'Sort by')}
        options={sortOptions}
        value={sort}
        onChange={(o) => onSort(o.value, dir)}
      />
      <IconButton
        name={dir === 'asc' ? 'sort-amount-up' : 'sort-amount-down'}
        aria-label={dir === 'asc' ? t('overview.sort.asc', 'Ascending; switch to descending') : t('overview.sort.desc', 'Descending; switch to ascending')}
        onClick={() => onSort(sort, dir === 'asc' ? 'desc' : 'asc')}
      />
      <RadioButtonGroup<OverviewView>
        aria-label={t('overview.view.label', 'Layout')}
        options={[
          { value: 'list', label: t('overview.view.list', 'List'), icon: 'list-ul' },
          { value: 'cards', label: t('overview.view.cards', 'Cards'), icon: 'apps' },
        ]}
        value={view}
        onChange={onView}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', flexWrap: 'wrap', marginBottom: theme.spacing(1) }),
  filter: css({ width: 320, maxWidth: '100%' }),
});
