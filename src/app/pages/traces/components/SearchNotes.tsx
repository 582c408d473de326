import React from 'react';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../../../shared/i18n/asText';
import { PanelMessage } from '../../../../shared/ui/PanelMessage';
import { type TraceSearch } from '../model/search';
import { type PeerNote } from '../state/peerSearch';

/** The operation a peer (edge) search on Jaeger searched, and how many more also call the peer. */
export function PeerSearchedNote({ search, note }: { search: TraceSearch; note?: PeerNote }) {
  if (!note?.searched) {
    return null;
  }
  return (
    <PanelMessage
      kind="info"
      message={t(
        'traces.peer.searched',
        'Calls to {{peer}}: searching operation "{{operation}}" of "{{service}}"{{others}}.',
        {
          ...AS_TEXT,
          peer: search.peer,
          operation: note.searched,
          service: search.service,
          others: note.others.length
            ? t('traces.peer.others', ' ({{count}} more operations also call it: {{names}})', {
                ...AS_TEXT,
                count: note.others.length,
                names: note.others.join(', '),
              })
            : '',
        }
      )}
    />
  );
}

/** Why the trace named by id was not queried (no trace id) or could not be opened. */
export function OpenTraceNotes({
  traceId,
  traceIdError,
  openError,
}: {
  traceId?: string;
  traceIdError?: string;
  openError?: string;
}) {
  return (
    <>
      {traceIdError && (
        <PanelMessage
          kind="error"
          message={t('traces.traceIdInvalid', 'Nothing was queried: {{reason}}', { ...AS_TEXT, reason: traceIdError })}
        />
      )}
      {openError && traceId && (
        <PanelMessage
          kind="error"
          message={t('traces.openFailed', 'Trace "{{id}}" could not be opened: {{reason}}', {
            ...AS_TEXT,
            id: traceId,
            reason: openError,
          })}
        />
      )}
    </>
  );
}
