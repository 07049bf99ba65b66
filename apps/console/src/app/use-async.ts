import { useEffect, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * Runs `load` whenever `key` (a string naming everything `load` reads) changes. An answer is kept with the key
 * it was loaded for, so a slow response for an old filter can never show under the new one.
 */
export function useAsync<T>(key: string, load: () => Promise<T>): [AsyncState<T>, () => void] {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<{ readonly key: string; readonly state: AsyncState<T> }>();
  const currentKey = `${generation}|${key}`;
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setSettled({ key: currentKey, state: { status: 'done', value } }),
      (error: unknown) => current && setSettled({ key: currentKey, state: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for everything `load` depends on
  }, [currentKey]);
  const state = settled && settled.key === currentKey ? settled.state : LOADING;
  return [state, () => setGeneration((n) => n + 1)];
}
