// Parts of the popup (and dashboard sections) that are not on screen when it opens load their code when
// first shown, so the first paint carries only what it shows (popup budget: 80 kB gz, `npm run size`).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P>>();
    useEffect(() => {
      loaded ??= load();
      loaded.then((c) => setComponent(() => c));
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
