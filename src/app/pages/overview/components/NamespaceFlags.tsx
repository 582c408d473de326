import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { type NamespaceRow } from '../model/namespaceRows';

/** "no traffic" / "no sidecars" tags after a namespace's name, in words (never colour alone). */
export function NamespaceFlags({ row }: { row: Pick<NamespaceRow, 'noTraffic' | 'noSidecars'> }) {
  const styles = useStyles2(getStyles);
  if (!row.noTraffic && !row.noSidecars) {
    return null;
  }
  return (
    <span className={styles.flags}>
      {row.noTraffic && (
        <span className={styles.tag} data-testid="meshlens-flag-no-traffic" title={t('overview.flag.noTrafficHint', 'No Istio request metrics mention this namespace in the time range')}>
          {t('overview.flag.noTraffic', 'no traffic')}
        </span>
      )}
      {row.noSidecars && (
        <span className={styles.tag} data-testid="meshlens-flag-no-sidecars" title={t('overview.flag.noSidecarsHint', 'Not labelled istio-injection=enabled or ambient, and no Istio proxy reports from it')}>
          {t('overview.flag.noSidecars', 'no sidecars')}
        </span>
      )}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  flags: css({ display: 'inline-flex', gap: theme.spacing(0.5), marginLeft: theme.spacing(1) }),
  tag: css({
    padding: theme.spacing(0, 0.5),
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
