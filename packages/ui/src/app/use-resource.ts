import { useEffect, useState } from 'preact/hooks';

export type Resource<T> = { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: unknown };

/** Loads once per change of `key`, cancelling the previous load; an aborted load reports nothing. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key]);
  return resource;
}
