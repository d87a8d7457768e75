import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Reads a value from a subscribable store. The value is computed on every render (so it
 * follows the component's props) and after every store notification, and the component
 * re-renders only when it changed (`Object.is`): `select` may derive a coarse value (the
 * current row of a panel) so a 60 fps clock does not re-render what did not change.
 */
export function useExternalState<T>(subscribe: (listener: () => void) => () => void, select: () => T): T {
  const value = select();
  const latest = useRef({ select, value });
  latest.current = { select, value };
  const [, forceRender] = useState(0);
  useEffect(() => {
    const check = () => {
      if (!Object.is(latest.current.select(), latest.current.value)) forceRender((count) => count + 1);
    };
    check();
    return subscribe(check);
  }, [subscribe]);
  return value;
}
