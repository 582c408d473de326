import { getDataSourceSrv } from '@grafana/runtime';
import { readLookup, type MetadataLookup } from '../model/pickers';

/** The part of Grafana's Jaeger and Tempo data sources that lists services, operations and tag values. */
interface WithMetadata {
  metadataRequest(url: string, params?: Record<string, unknown>): Promise<unknown>;
}

/**
 * Asks the trace data source for a list of names through its own `metadataRequest` (what its query editor
 * uses); a data source without one, or a failed call, is a sentence saying so.
 */
export async function lookupNames(
  uid: string,
  lookup: MetadataLookup
): Promise<{ values: string[] } | { error: string }> {
  try {
    const ds = (await getDataSourceSrv().get({ uid })) as unknown as Partial<WithMetadata>;
    if (typeof ds.metadataRequest !== 'function') {
      return { error: `The data source "${uid}" cannot list names.` };
    }
    return readLookup(await ds.metadataRequest(lookup.url, lookup.params));
  } catch (e) {
    const err = e as {
      message?: string;
      statusText?: string;
      status?: number;
      data?: { message?: string; error?: string };
    };
    const reason = err.data?.message ?? err.data?.error ?? err.message ?? err.statusText ?? String(e);
    return { error: `The data source "${uid}" could not list names: ${reason}` };
  }
}
