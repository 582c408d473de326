import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LinkButton, useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../shared/i18n/asText';
import { ROUTES, pageUrl } from './routes';

/** An app URL no page answers: says so (with the path, as text) and leads to the overview, instead of a blank page. */
export function NotFound({ path }: { path: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.root} role="alert" data-testid="meshlens-not-found" data-meshlens-ready="true">
      <h2>{t('notFound.title', 'Page not found')}</h2>
      <p>{t('notFound.text', 'MeshLens has no page at {{path}}.', { path, ...AS_TEXT })}</p>
      <LinkButton href={pageUrl(ROUTES.overview)} icon="arrow-left">
        {t('notFound.overview', 'Go to the overview')}
      </LinkButton>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ padding: theme.spacing(3), display: 'flex', flexDirection: 'column', gap: theme.spacing(1), alignItems: 'flex-start' }),
});
