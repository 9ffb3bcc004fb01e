// Resume Link sends across the agency's agents (src/staff/sends.ts): what went out, how and how it went,
// a page at a time. No address or number: the hub holds neither.
import { useEffect, useState } from 'preact/hooks';
import { shownTime } from '../../words/call-report-words';
import type { HubSend } from '../src/staff/shapes';
import { api, qs } from './api';
import { type HubKey, h } from './messages';
import { PageButtons } from './PageButtons';

const PAGE = 100;

interface SendsAnswer {
  sends: HubSend[];
  total: number;
  hasMore: boolean;
}

const COLUMNS: HubKey[] = [
  'col.sentAt',
  'col.application',
  'col.channel',
  'col.delivery',
  'col.language',
  'col.agent',
  'col.expires',
  'col.outcome',
];

export function SendsPage() {
  const [outcome, setOutcome] = useState<'' | 'sent' | 'failed'>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<SendsAnswer>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<SendsAnswer>(`/sends${qs({ outcome, offset, limit: PAGE })}`).then(setPage, (err) =>
      setMessage(h('failed', (err as Error).message)),
    );
  }, [outcome, offset]);
  const sends = page?.sends ?? [];
  const total = page?.total ?? 0;
  return (
    <section class="stack" aria-labelledby="sends-heading">
      <h2 id="sends-heading">{h('sendsHeading')}</h2>
      <p class="hint">{h('sendsIntro')}</p>
      <label>
        {h('col.outcome')}{' '}
        <select
          value={outcome}
          onChange={(e) => {
            setOutcome((e.currentTarget as HTMLSelectElement).value as '' | 'sent' | 'failed');
            setOffset(0);
          }}
        >
          <option value="">{h('anyOutcome')}</option>
          <option value="sent">{h('outcome.sent')}</option>
          <option value="failed">{h('outcome.failed')}</option>
        </select>
      </label>
      <p role="status">
        {message || (total ? h('sendsShown', offset + 1, offset + sends.length, total) : '')}
      </p>
      {page && !sends.length ? <p>{h('noSends')}</p> : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways, and a region that scrolls takes the focus so keys can scroll it (axe: scrollable-region-focusable) */}
      <section class="table-wrap" aria-label={h('sendsCaption')} tabIndex={0}>
        <table>
          <caption class="visually-hidden">{h('sendsCaption')}</caption>
          <thead>
            <tr>
              {COLUMNS.map((k) => (
                <th key={k} scope="col">
                  {h(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sends.map((s) => (
              <tr key={s.id}>
                <th scope="row">{shownTime(s.sentAt)}</th>
                <td>{s.applicationId}</td>
                <td>{h(`channel.${s.channel}` as HubKey)}</td>
                <td>{s.delivery ? h(`delivery.${s.delivery}` as HubKey) : '—'}</td>
                <td>{s.language === 'es' ? 'Español' : 'English'}</td>
                <td>{[s.deviceName, s.agentNpn && `(NPN ${s.agentNpn})`].filter(Boolean).join(' ')}</td>
                <td>{s.expiresAt ? shownTime(s.expiresAt) : '—'}</td>
                <td>
                  {h(`outcome.${s.outcome}` as HubKey)}
                  {s.failureReason ? `: ${s.failureReason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PageButtons offset={offset} size={PAGE} hasMore={page?.hasMore === true} onOffset={setOffset} />
    </section>
  );
}
