import React, { useMemo, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import { type AppPluginMeta, type GrafanaTheme2, type PluginConfigPageProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { DataSourcePicker, getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, TagsInput, useStyles2 } from '@grafana/ui';
import { resolveSettings, type MeshLensSettings } from '../../shared/settings';
import { ConnectionTest } from './components/ConnectionTest';
import { toForm, toJsonData, validateForm, type ConfigForm } from './model/configForm';
import { useConnectionTest } from './state/useConnectionTest';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<MeshLensSettings>> {}

const TRACE_PLUGIN_IDS = ['jaeger', 'tempo', 'zipkin'];

/** Admin settings (stored in the app's jsonData, nothing secret): data sources, health thresholds, namespaces. */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const { enabled, pinned, jsonData } = plugin.meta;
  const [form, setForm] = useState<ConfigForm>(() => toForm(resolveSettings(jsonData)));
  const [saveError, setSaveError] = useState<string | undefined>();
  const errors = useMemo(() => validateForm(form), [form]);
  const valid = Object.keys(errors).length === 0;
  const promTest = useConnectionTest('prometheus');
  const traceTest = useConnectionTest('traces');
  const set = (patch: Partial<ConfigForm>) => setForm((f) => ({ ...f, ...patch }));

  const onSave = async () => {
    try {
      await lastValueFrom(
        getBackendSrv().fetch({ url: `/api/plugins/${plugin.meta.id}/settings`, method: 'POST', data: { enabled, pinned, jsonData: toJsonData(form) } })
      );
      // Grafana hands plugins their settings when the route renders; create-plugin's template reloads it so.
      locationService.reload();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String((e as { statusText?: string })?.statusText ?? e));
    }
  };

  const text = (key: 'errorDegradedPct' | 'errorFailurePct', label: string, description: string) => (
    <Field label={label} description={description} invalid={Boolean(errors[key])} error={errors[key]}>
      <Input id={`meshlens-${key}`} aria-label={label} width={20} value={form[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} />
    </Field>
  );

  return (
    <div className={styles.root} data-testid="meshlens-config" data-meshlens-ready="true">
      <FieldSet label={t('config.sources', 'Data sources')}>
        <Field
          label={t('config.prometheus', 'Prometheus')}
          description={t('config.prometheus.desc', 'Where Istio metrics are scraped')}
          invalid={Boolean(errors.prometheusUid)}
          error={errors.prometheusUid}
        >
          <DataSourcePicker current={form.prometheusUid} pluginId="prometheus" noDefault onChange={(ds) => set({ prometheusUid: ds.uid })} />
        </Field>
        <ConnectionTest
          label={t('config.test.prometheus', 'Test Prometheus')}
          testId="meshlens-config-test-prometheus"
          state={promTest.state}
          disabled={!form.prometheusUid}
          onTest={() => promTest.start(form.prometheusUid)}
        />
        <Field label={t('config.traces', 'Traces')} description={t('config.traces.desc', 'Jaeger, Tempo or Zipkin')}>
          <DataSourcePicker current={form.traceUid} filter={(ds) => TRACE_PLUGIN_IDS.includes(ds.type)} noDefault onChange={(ds) => set({ traceUid: ds.uid })} />
        </Field>
        <ConnectionTest
          label={t('config.test.traces', 'Test trace data source')}
          testId="meshlens-config-test-traces"
          state={traceTest.state}
          disabled={!form.traceUid}
          onTest={() => traceTest.start(form.traceUid)}
        />
      </FieldSet>
      <FieldSet label={t('config.health', 'Health thresholds (share of requests answered 5xx)')}>
        <div className={styles.row}>
          {text('errorDegradedPct', t('config.degraded', 'Degraded at %'), t('config.degraded.desc', 'Error rate that marks a namespace or service degraded'))}
          {text('errorFailurePct', t('config.failure', 'Failing at %'), t('config.failure.desc', 'Error rate that marks it failing'))}
        </div>
      </FieldSet>
      <FieldSet label={t('config.scope', 'Namespaces')}>
        <Field
          label={t('config.namespaces', 'Default namespaces')}
          description={t('config.namespaces.desc', 'Pages start scoped to these; none means every namespace in the metrics')}
          invalid={Boolean(errors.defaultNamespaces)}
          error={errors.defaultNamespaces}
        >
          <TagsInput tags={form.defaultNamespaces} onChange={(tags) => set({ defaultNamespaces: tags })} placeholder={t('config.namespaces.add', 'Add a namespace and press Enter')} />
        </Field>
      </FieldSet>
      {saveError && (
        <Alert title={t('config.saveFailed', 'Saving the settings failed')} severity="error">
          {saveError}
        </Alert>
      )}
      <Button onClick={onSave} disabled={!valid}>
        {t('config.save', 'Save settings')}
      </Button>
    </div>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ maxWidth: 760, padding: theme.spacing(1, 0) }),
  row: css({ display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap' }),
});
