import React, { useMemo, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import { type AppPluginMeta, type GrafanaTheme2, type PluginConfigPageProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, TagsInput, useStyles2 } from '@grafana/ui';
import { ERROR_CLASSES, type ErrorClass } from '../../shared/health';
import { resolveSettings, type MeshLensSettings } from '../../shared/settings';
import { ConnectionTest } from './components/ConnectionTest';
import { toForm, toJsonData, validateForm, type ConfigForm } from './model/configForm';
import { useConnectionTest } from './state/useConnectionTest';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<MeshLensSettings>> {}

const TRACE_PLUGIN_IDS = ['jaeger', 'tempo', 'zipkin'];

/** Admin settings (stored in the app's jsonData, nothing secret): data sources, health thresholds, namespaces, labels. */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const { enabled, pinned, jsonData } = plugin.meta;
  const resolved = useMemo(() => resolveSettings(jsonData), [jsonData]);
  const [form, setForm] = useState<ConfigForm>(() => toForm(resolved));
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
      window.location.reload();
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String((e as { statusText?: string })?.statusText ?? e));
    }
  };

  const text = (key: 'pod' | 'app' | 'container', label: string, description: string) => (
    <Field label={label} description={description} invalid={Boolean(errors[key])} error={errors[key]}>
      <Input id={`meshlens-${key}`} aria-label={label} width={20} value={form[key]} onChange={(e) => set({ [key]: e.currentTarget.value })} />
    </Field>
  );

  const thresholdInput = (c: ErrorClass, which: 'degraded' | 'failure', classText: string, label: string) => {
    const error = errors[`${c}.${which}`];
    const id = `meshlens-threshold-${c}-${which}`;
    return (
      <Field label={`${classText}: ${label}`} invalid={Boolean(error)} error={error}>
        <Input
          id={id}
          aria-label={`${classText}: ${label}`}
          width={12}
          value={form.thresholds[c][which]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, thresholds: { ...f.thresholds, [c]: { ...f.thresholds[c], [which]: value } } }));
          }}
        />
      </Field>
    );
  };

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
      <FieldSet label={t('config.health', "Health thresholds (Kiali's rules: percent of a protocol's requests, per direction)")}>
        <p className={styles.help}>
          {t(
            'config.health.help',
            'Degraded 0 means any error degrades. A service is failing when a class reaches its failure share. Kiali’s defaults: 5xx 0 / 10, 4xx 10 / 20, gRPC 0 / 10, no response 0 / 10.'
          )}
        </p>
        {resolved.thresholdProblems.length > 0 && (
          <Alert title={t('config.health.ignored', 'Stored thresholds not used')} severity="warning">
            {resolved.thresholdProblems.join(' ')}
          </Alert>
        )}
        {ERROR_CLASSES.map((c) => (
          <div className={styles.row} key={c} data-testid={`meshlens-threshold-${c}`}>
            {thresholdInput(c, 'degraded', classLabel(c), t('config.threshold.degraded', 'Degraded at %'))}
            {thresholdInput(c, 'failure', classLabel(c), t('config.threshold.failure', 'Failure at %'))}
          </div>
        ))}
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
      <FieldSet label={t('config.labels', 'Label mapping')}>
        <div className={styles.row}>
          {text('pod', t('config.label.pod', 'Pod label'), t('config.label.pod.desc', 'Label holding the pod name'))}
          {text('app', t('config.label.app', 'App label'), t('config.label.app.desc', 'Label holding the app name'))}
          {text('container', t('config.label.container', 'Container label'), t('config.label.container.desc', 'Label holding the container name'))}
        </div>
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

function classLabel(c: ErrorClass): string {
  switch (c) {
    case '5xx':
      return t('config.threshold.5xx', 'HTTP 5xx');
    case '4xx':
      return t('config.threshold.4xx', 'HTTP 4xx');
    case 'grpc':
      return t('config.threshold.grpc', 'gRPC errors (status 1–16)');
    default:
      return t('config.threshold.noResponse', 'No response');
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ maxWidth: 760, padding: theme.spacing(1, 0) }),
  row: css({ display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap' }),
  help: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
