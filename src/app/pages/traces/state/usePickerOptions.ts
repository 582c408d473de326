import { useEffect, useState } from 'react';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { operationsLookup, servicesLookup, type MetadataLookup } from '../model/pickers';
import { lookupNames } from './metadata';

export interface NameList {
  values: string[];
  loading: boolean;
  error?: string;
}

const EMPTY: NameList = { values: [], loading: false };

function useNames(uid: string, lookup: MetadataLookup | undefined): NameList {
  const key = lookup ? JSON.stringify(lookup) : '';
  const [state, setState] = useState<{ key: string; list: NameList }>({ key: '', list: EMPTY });
  useEffect(() => {
    if (!key) {
      return;
    }
    let live = true;
    lookupNames(uid, JSON.parse(key) as MetadataLookup).then((r) => {
      if (live) {
        setState({
          key,
          list: 'error' in r ? { values: [], loading: false, error: r.error } : { values: r.values, loading: false },
        });
      }
    });
    return () => {
      live = false;
    };
  }, [uid, key]);
  return state.key === key ? state.list : key ? { values: [], loading: true } : EMPTY;
}

/** Services, and the chosen service's operations, from the trace data source (re-asked when either changes). */
export function usePickerOptions(
  uid: string,
  kind: TraceSourceKind | undefined,
  service: string,
  range: { fromMs: number; toMs: number }
): { services: NameList; operations: NameList } {
  // Whole minutes: a relative range ("now-1h") moves on every render and must not re-ask each time.
  const r = { fromMs: Math.floor(range.fromMs / 60000) * 60000, toMs: Math.ceil(range.toMs / 60000) * 60000 };
  const services = useNames(uid, kind ? servicesLookup(kind, r) : undefined);
  const operations = useNames(uid, kind ? operationsLookup(kind, service, r) : undefined);
  return { services, operations };
}
