import { startTransition, useEffect, useState } from 'react';
import { CancelledError } from './engineClient';

interface Answer<T> {
  key: unknown;
  value?: T;
  error?: string;
}

/**
 * Runs an async request whenever `key` changes and returns the answer only while it belongs to the current key
 * (stale answers are ignored, so no state is reset inside effects). `key === undefined` means: ask nothing.
 */
export function useKeyedRequest<T>(key: unknown, run: () => Promise<T>) {
  const [answer, setAnswer] = useState<Answer<T> | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) {
      return;
    }
    let live = true;
    const ask = (): Promise<unknown> =>
      run()
        // A transition: React renders the answer in slices, so a big first render does not block input.
        .then((value) => live && startTransition(() => setAnswer({ key, value })))
        // Cancelled by new data for the same view (a refresh): ask the reloaded engine again.
        .catch((e: Error) => live && (e instanceof CancelledError ? ask() : setAnswer({ key, error: e.message })));
    ask();
    return () => {
      live = false;
    };
    // `key` stands for everything `run` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = answer && answer.key === key ? answer : undefined;
  // `latest`: the last answer for any key, to keep showing while a new key is asked (no flash of unfiltered rows).
  return { value: current?.value, error: current?.error, pending: key !== undefined && !current, latest: answer?.value };
}
