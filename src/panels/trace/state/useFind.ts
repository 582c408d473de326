import { useEffect, useMemo, useState } from 'react';
import { type TraceColumns } from '../model/columns';
import { stepIndex } from '../model/viewState';
import { type EngineClient } from './engineClient';
import { useKeyedRequest } from './useKeyedRequest';

const EMPTY = new Int32Array(0);

/**
 * Free-text find (Jaeger semantics, run by the engine) with a cursor for next/previous. No match is current until the
 * user steps, so the first Enter goes to match 1.
 */
export function useFind(client: EngineClient, columns: TraceColumns, initialText = '') {
  const [text, setText] = useState(initialText);
  const [query, setQuery] = useState(initialText.trim() ? initialText : '');
  // Debounced so typing does not queue a search per key on big traces.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim() ? text : ''), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useKeyedRequest(query || undefined, () => client.request({ type: 'find', text: query }));
  const matches = (text.trim() && found.value) || EMPTY;
  const [cursor, setCursor] = useState<{ matches: Int32Array; index: number }>({ matches: EMPTY, index: -1 });
  const current = cursor.matches === matches ? cursor.index : -1;

  const matchSet = useMemo(() => {
    const set = new Uint8Array(columns.count);
    matches.forEach((i) => (set[i] = 1));
    return set;
  }, [matches, columns]);

  /** Moves the cursor and returns the span to go to (-1 when there is no match). */
  const step = (dir: 1 | -1): number => {
    const index = stepIndex(current, matches.length, dir);
    if (index >= 0) {
      setCursor({ matches, index });
    }
    return index >= 0 ? matches[index] : -1;
  };
  return {
    text,
    setText,
    /** The text the matches are for (debounced): what the URL keeps. */
    query,
    matches,
    matchSet,
    current,
    currentSpan: current >= 0 ? matches[current] : -1,
    step,
  };
}
