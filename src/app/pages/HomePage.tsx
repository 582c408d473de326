import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { LinkButton, Stack, Text, useStyles2 } from '@grafana/ui';
import { PLUGIN_ID, resolveSettings, type MeshLensSettings } from '../../shared/settings';

/** The app's landing page: what MeshLens is wired to, and where to go next. */
export function HomePage({ jsonData }: { jsonData: MeshLensSettings | undefined }) {
  const styles = useStyles2(getStyles);
  const settings = resolveSettings(jsonData);
  return (
    <PluginPage>
      <div className={styles.root} data-testid="meshlens-home" data-meshlens-ready="true">
        <Text element="h2">{t('home.title', 'MeshLens for Istio')}</Text>
        <Text color="secondary">
          {t('home.lead', 'Istio metrics, dashboards, traces and the mesh traffic graph, in Grafana.')}
        </Text>
        <dl className={styles.sources} aria-label={t('home.sources', 'Data sources')}>
          <dt>{t('home.prometheus', 'Prometheus data source')}</dt>
          <dd>
            <code>{settings.prometheusUid}</code>
          </dd>
          <dt>{t('home.traces', 'Trace data source')}</dt>
          <dd>
            <code>{settings.traceUid}</code>
          </dd>
        </dl>
        <Stack gap={1}>
          <LinkButton href={`/plugins/${PLUGIN_ID}`} icon="cog" variant="secondary">
            {t('home.configure', 'Configure')}
          </LinkButton>
        </Stack>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), padding: theme.spacing(2) }),
  sources: css({
    display: 'grid',
    gridTemplateColumns: 'max-content auto',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    dd: { margin: 0 },
  }),
});
