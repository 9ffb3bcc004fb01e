import { useEffect, useState } from 'preact/hooks';
import type { ParsedPolicy } from '../lib/policy/keys';
import { installedByAgency, readPolicy, watchPolicy } from '../lib/policy/managed.background';

/** The agency's policy and whether IT installed the extension. */
export interface Agency {
  parsed: ParsedPolicy;
  installed: boolean;
}

/** The agency's policy and whether IT installed the extension, kept current; undefined until read. */
export function useAgency(): Agency | undefined {
  const [agency, setAgency] = useState<Agency>();
  useEffect(() => {
    Promise.all([readPolicy(), installedByAgency()]).then(([parsed, installed]) =>
      setAgency({ parsed, installed }),
    );
    return watchPolicy((parsed) => setAgency((a) => ({ parsed, installed: a?.installed ?? false })));
  }, []);
  return agency;
}
