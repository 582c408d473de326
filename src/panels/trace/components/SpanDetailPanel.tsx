import React from 'react';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2, locationUtil, urlUtil } from '@grafana/data';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { ClipboardButton, IconButton, LinkButton, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../shared/format';
import { type TraceColumns } from '../model/columns';
import { builtInLinks, serviceContext } from '../model/links';
import { spanTimeRange } from '../../../shared/links/timeRange';
import { type EngineClient } from '../state/engineClient';
import { urlParamName } from '../state/useUrlState';
import { useSpanDetail } from '../state/useSpanDetail';
import { DataLinks, spanDataLinks } from './DataLinks';
import { KeyValueTable } from './KeyValueTable';
import { IstioSpanDetail } from './istio/IstioSpanDetail';
import { AS_TEXT } from '../../../shared/i18n/asText';

interface Props {
  client: EngineClient;
  columns: TraceColumns;
  span: number;
  series: readonly DataFrame[];
  onClose: () => void;
  onGoToSpan: (i: number) => void;
  /** The panel's id: its deep link names the span under the panel's own parameter. */
  panelId?: number;
  width: number;
  height: number;
}

/**
 * A deep link to this span: the current page URL with the span id (read when copied, not during render).
 * Grafana's location (without its sub-path, which assureBaseUrl puts back), made absolute on the page's origin.
 */
export function deepLink(spanId: string, panelId?: number): string {
  const { pathname, hash } = locationService.getLocation();
  const search = { ...locationService.getSearchObject(), [urlParamName('span', panelId)]: spanId };
  return new URL(locationUtil.assureBaseUrl(urlUtil.renderUrl(pathname, search)) + hash, document.baseURI).href;
}

export function SpanDetailPanel({ client, columns, span, series, onClose, onGoToSpan, panelId, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const { detail, error } = useSpanDetail(client, span, columns.skewAdjusted);
  const title = `${columns.services[columns.service[span]]}: ${columns.operations[columns.operation[span]]}`;
  const d = detail?.span;
  const warnings = d ? [...d.warnings, ...d.builderWarnings] : [];
  return (
    <aside className={styles.panel} style={{ width, height }} aria-label={t('trace.detail.label', 'Span detail')}>
      <div className={styles.head}>
        <strong className={styles.title} title={title}>
          {title}
        </strong>
        <IconButton name="times" aria-label={t('trace.detail.close', 'Close span detail')} onClick={onClose} />
      </div>
      {error && <div className={styles.error}>{error}</div>}
      {!d && !error && <LoadingPlaceholder text={t('trace.detail.loading', 'Loading span…')} />}
      {d && detail && (
        <div className={styles.body}>
          <dl className={styles.facts}>
            <dt>{t('trace.detail.spanId', 'Span ID')}</dt>
            <dd>
              <code>{d.spanId}</code>
              <ClipboardButton
                icon="copy"
                size="sm"
                variant="secondary"
                fill="text"
                getText={() => d.spanId}
                aria-label={t('trace.detail.copySpanId', 'Copy span ID')}
              />
              <ClipboardButton
                icon="link"
                size="sm"
                variant="secondary"
                fill="text"
                getText={() => deepLink(d.spanId, panelId)}
                aria-label={t('trace.detail.copyLink', 'Copy deep link to this span')}
              />
            </dd>
            {detail.parentSpanId && (
              <>
                <dt>{t('trace.detail.parent', 'Parent')}</dt>
                <dd>
                  <button type="button" className={styles.linkish} onClick={() => onGoToSpan(d.parent)}>
                    {detail.parentSpanId}
                  </button>
                </dd>
              </>
            )}
            <dt>{t('trace.detail.start', 'Start')}</dt>
            <dd>{formatDurationMs(d.startMs - columns.summary.startMs)}</dd>
            <dt>{t('trace.detail.duration', 'Duration')}</dt>
            <dd>{formatDurationMs(d.durationMs)}</dd>
            <dt>{t('trace.detail.kind', 'Kind')}</dt>
            <dd>{d.kind}</dd>
            <dt>{t('trace.detail.status', 'Status')}</dt>
            <dd className={d.status === 'error' ? styles.errorText : undefined}>
              {d.status}
              {d.statusMessage && `: ${d.statusMessage}`}
            </dd>
          </dl>
          {warnings.length > 0 && (
            <section aria-label={t('trace.detail.warnings', 'Warnings')}>
              <h6>{t('trace.detail.warnings', 'Warnings')}</h6>
              <ul className={styles.warnings}>
                {warnings.map((w, k) => (
                  <li key={k}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          <h6>{t('trace.detail.links', 'Links')}</h6>
          <div className={styles.links}>
            <DataLinks links={spanDataLinks(series, d.source)} />
            {builtInLinks(serviceContext(d.service, d.attributes, d.resource), spanTimeRange(d.startMs, d.durationMs)).map((l) => (
              <LinkButton
                key={l.title}
                size="sm"
                variant="secondary"
                fill="outline"
                icon="external-link-alt"
                href={l.href}
              >
                {l.title}
              </LinkButton>
            ))}
          </div>
          {detail.truncatedValues > 0 && (
            <div className={styles.error}>
              {t('trace.detail.truncated', '{{count}} values longer than 4,096 characters are cut; "Show all" opens one whole.', {
                count: detail.truncatedValues,
                defaultValue_one: '{{count}} value longer than 4,096 characters is cut; "Show all" opens it whole.',
              })}
            </div>
          )}
          <IstioSpanDetail span={span} attributes={d.attributes} />
          <h6>{t('trace.detail.attributes', 'Attributes')}</h6>
          <KeyValueTable
            items={d.attributes}
            label={t('trace.detail.attributes', 'Attributes')}
            loadFull={(index) => client.request({ type: 'value', span, at: { section: 'attributes', index } })}
          />
          <h6>{t('trace.detail.resource', 'Resource / process')}</h6>
          <KeyValueTable
            items={d.resource}
            label={t('trace.detail.resource', 'Resource / process')}
            loadFull={(index) => client.request({ type: 'value', span, at: { section: 'resource', index } })}
          />
          <h6>{t('trace.detail.events', 'Events ({{count}})', { count: detail.events.length })}</h6>
          {detail.events.map((e, k) => (
            <div key={k} className={styles.event}>
              <div className={styles.eventHead}>
                {formatDurationMs(e.offsetMs)} {e.name}
              </div>
              <KeyValueTable
                items={e.attributes}
                label={t('trace.detail.eventFields', 'Event fields')}
                loadFull={(index) => client.request({ type: 'value', span, at: { section: 'event', event: k, index } })}
              />
            </div>
          ))}
          <h6>{t('trace.detail.references', 'References ({{count}})', { count: d.references.length })}</h6>
          <ul className={styles.refs}>
            {d.references.map((r, k) => {
              const target = detail.referenceTargets[k];
              return (
                <li key={k}>
                  {r.type}{' '}
                  {target >= 0 ? (
                    <button type="button" className={styles.linkish} onClick={() => onGoToSpan(target)}>
                      {r.spanId}
                    </button>
                  ) : (
                    <code>{r.spanId}</code>
                  )}{' '}
                  {r.traceId !== columns.summary.traceId &&
                    t('trace.detail.otherTrace', 'in trace {{id}}', { ...AS_TEXT, id: r.traceId })}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </aside>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
    flexShrink: 0,
    borderTop: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.primary,
  }),
  head: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  title: css({ flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  body: css({
    overflow: 'auto',
    padding: theme.spacing(1),
    h6: { marginTop: theme.spacing(1.5), marginBottom: theme.spacing(0.5) },
  }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(1),
    rowGap: 2,
    fontSize: theme.typography.bodySmall.fontSize,
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, wordBreak: 'break-all' },
  }),
  warnings: css({
    color: theme.colors.warning.text,
    fontSize: theme.typography.bodySmall.fontSize,
    paddingLeft: theme.spacing(2),
  }),
  links: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) }),
  event: css({
    borderLeft: `2px solid ${theme.colors.border.medium}`,
    paddingLeft: theme.spacing(1),
    marginBottom: theme.spacing(1),
  }),
  eventHead: css({ fontSize: theme.typography.bodySmall.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  refs: css({ fontSize: theme.typography.bodySmall.fontSize, paddingLeft: theme.spacing(2) }),
  linkish: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  error: css({ color: theme.colors.error.text, padding: theme.spacing(1) }),
  errorText: css({ color: theme.colors.error.text }),
});
