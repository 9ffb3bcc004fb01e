// Resume Link sends across the agency's agents (src/staff/services/sends.ts): what went out, how and how it went,
// a page at a time. No address or number: the hub holds neither.
import { useEffect, useState } from 'preact/hooks';
import type { HubSend, SendPage } from '#lib/hub/contract/staff';
import { AdminTable, type Column } from './AdminTable';
import { api, qs } from './api';
import { hubTime } from './dates';
import { type HubKey, h } from './messages';
import { PageButtons } from './PageButtons';

const PAGE = 100;

const SEND_COLUMNS: Column<HubSend>[] = [
  { header: 'col.sentAt', cell: (s) => hubTime(s.sentAt), rowHeader: true },
  { header: 'col.application', cell: (s) => s.applicationId },
  { header: 'col.channel', cell: (s) => h(`channel.${s.channel}` as HubKey) },
  { header: 'col.delivery', cell: (s) => (s.delivery ? h(`delivery.${s.delivery}` as HubKey) : '—') },
  { header: 'col.language', cell: (s) => (s.language === 'es' ? 'Español' : 'English') },
  {
    header: 'col.agent',
    cell: (s) => [s.deviceName, s.agentNpn && `(NPN ${s.agentNpn})`].filter(Boolean).join(' '),
  },
  { header: 'col.expires', cell: (s) => (s.expiresAt ? hubTime(s.expiresAt) : '—') },
  {
    header: 'col.outcome',
    cell: (s) => (
      <>
        {h(`outcome.${s.outcome}` as HubKey)}
        {s.failureReason ? `: ${s.failureReason}` : ''}
      </>
    ),
  },
];

export function SendsPage() {
  const [outcome, setOutcome] = useState<'' | 'sent' | 'failed'>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<SendPage>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<SendPage>(`/sends${qs({ outcome, offset, limit: PAGE })}`).then(setPage, (err) =>
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
      <AdminTable caption="sendsCaption" columns={SEND_COLUMNS} rows={sends} rowKey={(s) => s.id} scrolls />
      <PageButtons offset={offset} size={PAGE} hasMore={page?.hasMore === true} onOffset={setOffset} />
    </section>
  );
}
