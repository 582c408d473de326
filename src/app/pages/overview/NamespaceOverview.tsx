import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import {
  SceneObjectBase,
  SceneQueryRunner,
  SceneObjectUrlSyncConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { type HealthThresholds } from '../../../shared/settings';
import { NamespaceCards } from './components/NamespaceCards';
import { NamespaceTable } from './components/NamespaceTable';
import { OverviewToolbar, type OverviewView } from './components/OverviewToolbar';
import { buildNamespaceRows } from './model/namespaceRows';
import { filterRows, isSortKey, sortRows, type SortDir, type SortKey } from './model/rowView';
import { AS_TEXT } from '../../../shared/i18n/asText';

export interface NamespaceOverviewState extends SceneObjectState {
  filter: string;
  sort: SortKey;
  dir: SortDir;
  view: OverviewView;
  thresholds: HealthThresholds;
  /** Namespaces listed even without any series (the settings' default namespaces). */
  listed: string[];
  /** Which data source the queries went to, named in error messages. */
  dataSourceUid: string;
  /** The costly queries (p95, sparklines): a runner of its own, so the rows need not wait for them. */
  details: SceneQueryRunner;
}

/** The overview's list: reads the grouped queries' frames from its scene, keeps filter/sort/view in the URL. */
export class NamespaceOverview extends SceneObjectBase<NamespaceOverviewState> {
  static Component = NamespaceOverviewRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: ['filter', 'sort', 'dir', 'view'] });

  constructor(state: NamespaceOverviewState) {
    super(state);
    this.addActivationHandler(() => this.runDetailsWithRows());
  }

  /**
   * The details runner starts with the row queries and again each time they reload (time range
   * change, refresh); the rows show as soon as theirs answer. Started together, not one after the
   * other: the row queries are cheap, so sharing Prometheus costs them little, and all cells fill
   * sooner (bench/app-pages.ts at 500 namespaces, 2 runs: rows 0.79-0.83 s, all 1.6-2.1 s; one after the other,
   * rows 0.85-0.99 s, all 2.2-2.8 s).
   */
  private runDetailsWithRows() {
    const details = this.state.details;
    const deactivate = details.activate();
    const rows = sceneGraph.getData(this);
    details.runQueries();
    const sub = rows.subscribeToState((next, prev) => {
      if (next.data?.state === LoadingState.Loading && prev.data?.state !== LoadingState.Loading) {
        details.runQueries();
      }
    });
    return () => {
      sub.unsubscribe();
      deactivate();
    };
  }

  getUrlState(): SceneObjectUrlValues {
    const { filter, sort, dir, view } = this.state;
    return { filter: filter || undefined, sort, dir, view };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const next: Partial<NamespaceOverviewState> = {};
    if (typeof values.filter === 'string' || values.filter === null) {
      next.filter = values.filter ?? '';
    }
    if (isSortKey(values.sort)) {
      next.sort = values.sort;
    }
    if (values.dir === 'asc' || values.dir === 'desc') {
      next.dir = values.dir;
    }
    if (values.view === 'list' || values.view === 'cards') {
      next.view = values.view;
    }
    if (Object.keys(next).length > 0) {
      this.setState(next);
    }
  }

  onFilter = (filter: string) => this.setState({ filter });
  onSort = (sort: SortKey, dir: SortDir) => this.setState({ sort, dir });
  onView = (view: OverviewView) => this.setState({ view });
}

function NamespaceOverviewRenderer({ model }: SceneComponentProps<NamespaceOverview>) {
  const styles = useStyles2(getStyles);
  const { filter, sort, dir, view, thresholds, listed, dataSourceUid, details } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const { data: detailData } = details.useState();
  const overview = useMemo(
    () => (data ? buildNamespaceRows([...data.series, ...(detailData?.series ?? [])], thresholds, listed) : undefined),
    [data, detailData, thresholds, listed]
  );
  const visible = useMemo(
    () => (overview ? sortRows(filterRows(overview.rows, filter), sort, dir) : []),
    [overview, filter, sort, dir]
  );

  if (!data || !overview || (data.state === LoadingState.Loading && overview.rows.length === 0)) {
    return <LoadingPlaceholder text={t('overview.loading', 'Loading namespaces…')} />;
  }
  if (data.state === LoadingState.Error) {
    const reason = data.errors?.[0]?.message ?? t('overview.error.unknown', 'unknown error');
    return (
      <PanelMessage
        kind="error"
        message={t(
          'overview.error',
          'The Prometheus data source "{{uid}}" could not answer: {{reason}}. Check it on the MeshLens configuration page.',
          { ...AS_TEXT, uid: dataSourceUid, reason }
        )}
      />
    );
  }
  const noMetrics = (
    <PanelMessage
      kind="info"
      message={t(
        'overview.empty',
        'No Istio request metrics (istio_requests_total) in "{{uid}}" for this time range. Is the mesh receiving traffic, and does Prometheus scrape the sidecars?',
        { ...AS_TEXT, uid: dataSourceUid }
      )}
    />
  );
  if (overview.rows.length === 0) {
    return noMetrics;
  }
  const hidden = overview.hidden.unknownNamespace + overview.hidden.unlabelled;
  const { noTraffic, noSidecars } = overview.counts;
  return (
    <div
      className={styles.root}
      data-testid="meshlens-overview"
      data-meshlens-ready="true"
      // Tests and the bench wait on it: p95 and sparklines may arrive after the rows.
      data-meshlens-details={detailData?.state ?? LoadingState.NotStarted}
    >
      {noTraffic === overview.rows.length && noMetrics}
      <OverviewToolbar
        filter={filter}
        sort={sort}
        dir={dir}
        view={view}
        onFilter={model.onFilter}
        onSort={model.onSort}
        onView={model.onView}
      />
      {visible.length === 0 ? (
        <PanelMessage
          kind="info"
          message={t('overview.noMatch', 'No namespace matches "{{filter}}".', { ...AS_TEXT, filter })}
        />
      ) : view === 'cards' ? (
        <NamespaceCards rows={visible} />
      ) : (
        <NamespaceTable rows={visible} />
      )}
      <div className={styles.footer} aria-live="polite" data-testid="meshlens-overview-count">
        {t('overview.count', '{{shown}} of {{count}} namespaces shown', {
          ...AS_TEXT,
          shown: visible.length,
          count: overview.rows.length,
          defaultValue_one: '{{shown}} of {{count}} namespace shown',
        })}
        {noTraffic > 0 && ` · ${t('overview.noTrafficCount', '{{count}} without traffic', { count: noTraffic })}`}
        {noSidecars > 0 && ` · ${t('overview.noSidecarsCount', '{{count}} without sidecars', { count: noSidecars })}`}
        {detailData?.state === LoadingState.Loading && ` · ${t('overview.detailsLoading', 'loading p95 latency and sparklines…')}`}
        {detailData?.state === LoadingState.Error &&
          ` · ${t('overview.detailsError', 'p95 latency and sparklines unavailable: {{reason}}', {
            ...AS_TEXT,
            reason: detailData.errors?.[0]?.message ?? t('overview.error.unknown', 'unknown error'),
          })}`}
        {hidden > 0 &&
          ` · ${t('overview.hidden', '{{count}} series without a real namespace hidden (callers without a sidecar are labelled "unknown")', { count: hidden })}`}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', width: '100%' }),
  footer: css({
    marginTop: theme.spacing(1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
