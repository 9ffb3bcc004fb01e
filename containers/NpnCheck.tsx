import { useState } from 'preact/hooks';
import { NpnReadinessView } from '../components/npn/NpnReadinessView';
import { describedBy, Field } from '../components/shared/Field';
import { useNpnStanding } from '../hooks/use-npn-readiness';
import { t } from '../words/i18n';

/** Every check of an NPN, recomputed as it changes. */
export function NpnStanding({ npn, planYear }: { npn: string; planYear: number }) {
  const standing = useNpnStanding(npn, planYear);
  return standing ? <NpnReadinessView {...standing} planYear={planYear} /> : null;
}

/** Type or paste any NPN; every check answers as it is typed. */
export function NpnCheck({
  planYear,
  id = 'npn-check',
  label,
}: {
  planYear: number;
  id?: string;
  label?: string;
}) {
  const [npn, setNpn] = useState('');
  return (
    <div class="stack">
      <Field id={id} label={label ?? t('npnCheck.input')} hint={t('npnCheck.inputHint')}>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={npn}
          aria-describedby={describedBy(id, { hint: 'yes' })}
          onInput={(e) => setNpn(e.currentTarget.value)}
        />
      </Field>
      <NpnStanding npn={npn} planYear={planYear} />
    </div>
  );
}
