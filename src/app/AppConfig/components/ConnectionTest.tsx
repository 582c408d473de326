import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Stack } from '@grafana/ui';
import { type TestState } from '../state/useConnectionTest';

interface Props {
  label: string;
  state: TestState;
  disabled?: boolean;
  onTest(): void;
  testId: string;
}

/** A "Test" button and the explained outcome under it. */
export function ConnectionTest({ label, state, disabled, onTest, testId }: Props) {
  return (
    <Stack direction="column" gap={1}>
      <div>
        <Button variant="secondary" icon={state.status === 'running' ? 'spinner' : 'check'} disabled={disabled || state.status === 'running'} onClick={onTest}>
          {label}
        </Button>
      </div>
      {state.status === 'done' && (
        <div data-testid={testId}>
          <Alert severity={state.ok ? 'success' : 'error'} title={state.ok ? t('config.test.ok', 'Works') : t('config.test.failed', 'Does not work yet')}>
            {state.message}
          </Alert>
        </div>
      )}
    </Stack>
  );
}
