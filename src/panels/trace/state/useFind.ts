import { useEffect, useMemo, useState } from 'react';
import { type TraceColumns } from '../model/columns';
import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

const EMPTY = new Int32Array(0);

/** Free-text find (Jaeger semantics, run by the engine) with a current match for next/previous. */
export function useFind(client: EngineClient, columns: TraceColumns) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  // Debounced so typing does not queue a search per key on big traces.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim() ? text : ''), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useKeyedRequest(query || undefined, () => client.request({ type: 'find', text: query }));
  const matches = (text.trim() && found.value) || EMPTY;
  const [cursor, setCursor] = useState<{ matches: Int32Array; index: number }>({ matches: EMPTY, index: 0 });
  const current = matches.length === 0 ? -1 : cursor.matches === matches ? cursor.index : 0;

  const matchSet = useMemo(() => {
    const set = new Uint8Array(columns.count);
    matches.forEach((i) => (set[i] = 1));
    return set;
  }, [matches, columns]);

  const move = (dir: number) => {
    if (matches.length > 0) {
      setCursor({ matches, index: (Math.max(current, 0) + dir + matches.length) % matches.length });
    }
  };
  return {
    text,
    setText,
    matches,
    matchSet,
    current,
    currentSpan: current >= 0 ? matches[current] : -1,
    next: () => move(1),
    prev: () => move(-1),
  };
}
