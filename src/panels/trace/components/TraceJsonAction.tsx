import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, ClipboardButton, LoadingPlaceholder, Modal, ToolbarButton, useStyles2 } from '@grafana/ui';
import { useTraceExtras } from '../state/useIstioExtras';
import { useKeyedRequest } from '../state/useKeyedRequest';
import { AS_TEXT } from '../../../shared/i18n/asText';

/** Characters of JSON drawn in the dialog; the download and the copy always hold all of it. */
export const JSON_VIEW_LIMIT = 200_000;

/** Saves text as a file through a temporary object URL. */
function download(name: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/**
 * The trace as Jaeger JSON: a toolbar button opens it in a dialog (long documents shown in part, with the count of
 * what is not drawn) with Download and Copy. The JSON reads back in Jaeger UI, Grafana and the app's file opener.
 */
export function TraceJsonAction() {
  const styles = useStyles2(getStyles);
  const extras = useTraceExtras();
  const [open, setOpen] = useState(false);
  const traceId = extras?.columns.summary.traceId ?? '';
  const { value: json, error } = useKeyedRequest(open && extras ? `json:${traceId}` : undefined, () =>
    extras!.client.request({ type: 'exportJson' })
  );
  if (!extras) {
    return null;
  }
  const fileName = `trace-${traceId.replace(/[^0-9A-Za-z_-]/g, '_') || 'unknown'}.json`;
  return (
    <>
      <ToolbarButton
        icon="brackets-curly"
        onClick={() => setOpen(true)}
        aria-label={t('trace.json.open', 'Trace JSON')}
      >
        {t('trace.json.button', 'JSON')}
      </ToolbarButton>
      {open && (
        <Modal
          title={t('trace.json.title', 'Trace {{id}} as Jaeger JSON', { ...AS_TEXT, id: traceId })}
          isOpen
          onDismiss={() => setOpen(false)}
        >
          {error && <div role="alert">{error}</div>}
          {!json && !error && <LoadingPlaceholder text={t('trace.json.loading', 'Writing JSON…')} />}
          {json && (
            <>
              <div className={styles.actions}>
                <Button icon="download-alt" onClick={() => download(fileName, json)}>
                  {t('trace.json.download', 'Download')}
                </Button>
                <ClipboardButton icon="copy" variant="secondary" getText={() => json}>
                  {t('trace.json.copy', 'Copy')}
                </ClipboardButton>
                <span data-testid="meshlens-trace-json-size">
                  {t('trace.json.size', '{{chars}} characters', {
                    ...AS_TEXT,
                    chars: json.length.toLocaleString('en-US'),
                  })}
                  {json.length > JSON_VIEW_LIMIT &&
                    ` · ${t(
                      'trace.json.cut',
                      'the first {{shown}} are shown; {{rest}} more are in the download and the copy',
                      {
                        ...AS_TEXT,
                        shown: JSON_VIEW_LIMIT.toLocaleString('en-US'),
                        rest: (json.length - JSON_VIEW_LIMIT).toLocaleString('en-US'),
                      }
                    )}`}
                </span>
              </div>
              <pre
                className={styles.pre}
                data-testid="meshlens-trace-json"
                aria-label={t('trace.json.text', 'Trace JSON text')}
              >
                {json.length > JSON_VIEW_LIMIT ? json.slice(0, JSON_VIEW_LIMIT) : json}
              </pre>
            </>
          )}
        </Modal>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', marginBottom: theme.spacing(1) }),
  pre: css({ maxHeight: '60vh', overflow: 'auto', fontSize: theme.typography.bodySmall.fontSize, margin: 0 }),
});
