import React from 'react';
import { type StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { DataSourcePicker } from '@grafana/runtime';
import { Button, Stack } from '@grafana/ui';

/** The Prometheus the preset queries; cleared, the panel falls back to the app's Prometheus or Grafana's default. */
export function PrometheusPickerEditor({ value, onChange }: StandardEditorProps<string>) {
  return (
    <Stack direction="row" gap={1} alignItems="center">
      <DataSourcePicker current={value || null} pluginId="prometheus" noDefault onChange={(ds) => onChange(ds.uid)} />
      {value && (
        <Button size="sm" variant="secondary" icon="times" aria-label={t('meshgraph.preset.clearDatasource', 'Use the default Prometheus')} onClick={() => onChange('')} />
      )}
    </Stack>
  );
}
