import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import { type AppPluginMeta, type GrafanaTheme2, type PluginConfigPageProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, useStyles2 } from '@grafana/ui';
import { resolveSettings, type MeshLensSettings } from '../../shared/settings';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<MeshLensSettings>> {}

const TRACE_PLUGIN_IDS = ['jaeger', 'tempo', 'zipkin'];

/** Admin settings: which Prometheus and trace data source MeshLens reads. Stored in jsonData. */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const { enabled, pinned, jsonData } = plugin.meta;
  const [settings, setSettings] = useState(() => resolveSettings(jsonData));
  const [saveError, setSaveError] = useState<string | undefined>();

  const onSave = async () => {
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${plugin.meta.id}/settings`,
          method: 'POST',
          data: { enabled, pinned, jsonData: settings },
        })
      );
      window.location.reload();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String((e as { statusText?: string })?.statusText ?? e));
    }
  };

  return (
    <div className={styles.root} data-testid="meshlens-config" data-meshlens-ready="true">
      <FieldSet label={t('config.sources', 'Data sources')}>
        <Field label={t('config.prometheus', 'Prometheus')} description={t('config.prometheus.desc', 'Where Istio metrics are scraped')}>
          <DataSourcePicker
            current={settings.prometheusUid}
            pluginId="prometheus"
            noDefault
            onChange={(ds) => setSettings((s) => ({ ...s, prometheusUid: ds.uid }))}
          />
        </Field>
        <Field label={t('config.traces', 'Traces')} description={t('config.traces.desc', 'Jaeger, Tempo or Zipkin')}>
          <DataSourcePicker
            current={settings.traceUid}
            filter={(ds) => TRACE_PLUGIN_IDS.includes(ds.type)}
            noDefault
            onChange={(ds) => setSettings((s) => ({ ...s, traceUid: ds.uid }))}
          />
        </Field>
      </FieldSet>
      {saveError && (
        <Alert title={t('config.saveFailed', 'Saving the settings failed')} severity="error">
          {saveError}
        </Alert>
      )}
      <Button onClick={onSave}>{t('config.save', 'Save settings')}</Button>
    </div>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ maxWidth: 720, padding: theme.spacing(1, 0) }),
});
