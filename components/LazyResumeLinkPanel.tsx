// The popup's Resume link tab loads its code when opened, so the popup's first paint stays in budget.
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ResumeLinkPanel as Panel } from './ResumeLinkPanel';

export function LazyResumeLinkPanel(props: ComponentProps<typeof Panel>) {
  const [Loaded, setLoaded] = useState<typeof Panel>();
  useEffect(() => {
    import('./ResumeLinkPanel').then((m) => setLoaded(() => m.ResumeLinkPanel));
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}
