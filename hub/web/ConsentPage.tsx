// Consent across the agency's agents (src/staff/services/consent.ts): the applications acted on (a call report, a
// Resume Link send, an Invalid Action case) without consent on record, a page at a time; and, for support
// and admins, the consent index exported for an audit: CSV for people (lib/shared/csv.ts), JSON for tools.
import { useEffect, useState } from 'preact/hooks';
import type { ConsentRecord } from '#lib/consent/record';
import type {
  ConsentExport,
  HubConsentRecord,
  StaffMe as Me,
  MissingConsent,
  MissingConsentPage,
} from '#lib/hub/contract/staff';
import { toCsv } from '#lib/shared/csv';
import { downloadText, stamp } from '#words/download';
import { AdminTable, type Column } from './AdminTable';
import { api, qs } from './api';
import { hubTime } from './dates';
import { type HubKey, h } from './messages';
import { PageButtons } from './PageButtons';

const PAGE = 100;

/** The devices, then the NPNs, as the other pages name an agent. */
const agentsOf = (a: MissingConsent) => [...a.deviceNames, ...a.agentNpns.map((n) => `NPN ${n}`)].join(', ');

/** "2 call reports, 1 Resume Link send" */
function actionsOf(a: MissingConsent): string {
  const parts: [number, HubKey, HubKey][] = [
    [a.reports, 'actions.report', 'actions.reports'],
    [a.sends, 'actions.send', 'actions.sends'],
    [a.cases, 'actions.case', 'actions.cases'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => h(n === 1 ? one : many, n))
    .join(', ');
}

/** The index's CSV columns: the record's fields in the person's language, then who sent it. */
const MISSING_COLUMNS: Column<MissingConsent>[] = [
  { header: 'col.application', cell: (a) => a.applicationId, rowHeader: true },
  { header: 'col.planYear', cell: (a) => a.planYear ?? h('anyPlanYear') },
  { header: 'col.lastAction', cell: (a) => hubTime(a.lastActionAt) },
  { header: 'col.actions', cell: (a) => actionsOf(a) },
  { header: 'col.agent', cell: (a) => agentsOf(a) },
];

const CSV_COLUMNS: { key: keyof ConsentRecord | 'agent' | 'device' | 'receivedAt'; header: HubKey }[] = [
  { key: 'applicationId', header: 'col.application' },
  { key: 'planYear', header: 'col.planYear' },
  { key: 'consentDate', header: 'col.consentDate' },
  { key: 'reviewDate', header: 'col.reviewDate' },
  { key: 'scopes', header: 'col.scopes' },
  { key: 'method', header: 'col.method' },
  { key: 'givenBy', header: 'col.givenBy' },
  { key: 'proofReference', header: 'col.proofReference' },
  { key: 'formId', header: 'col.formId' },
  { key: 'formVersion', header: 'col.formVersion' },
  { key: 'revokedDate', header: 'col.revokedDate' },
  { key: 'recordedAt', header: 'col.recordedAt' },
  { key: 'updatedAt', header: 'col.updatedAt' },
  { key: 'agent', header: 'col.agent' },
  { key: 'device', header: 'col.device' },
  { key: 'receivedAt', header: 'col.receivedAt' },
];

const csvRow = ({ record: r, agentNpn, deviceName, receivedAt }: HubConsentRecord) => ({
  ...r,
  scopes: r.scopes.map((s) => h(`scope.${s}`)).join('; '),
  method: h(`method.${r.method}`),
  givenBy: h(`givenBy.${r.givenBy}`),
  agent: agentNpn ?? '',
  device: deviceName ?? '',
  receivedAt,
});

export function ConsentPage(props: { me: Me }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<MissingConsentPage>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<MissingConsentPage>(`/consent/missing${qs({ offset, limit: PAGE })}`).then(setPage, (err) =>
      setMessage(h('failed', (err as Error).message)),
    );
  }, [offset]);
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { records } = await api<ConsentExport>(`/consent/export${qs({ format })}`);
      const now = new Date();
      const name = `hub-consent-index-${stamp(now)}`;
      if (format === 'csv')
        downloadText(
          toCsv(
            records.map(csvRow),
            CSV_COLUMNS.map((c) => ({ key: c.key, header: h(c.header) })),
          ),
          `${name}.csv`,
          'text/csv',
        );
      else
        downloadText(
          JSON.stringify(
            { format: 'aor-guard/hub-consent-index', exportedAt: now.toISOString(), records },
            null,
            1,
          ),
          `${name}.json`,
          'application/json',
        );
      setMessage(h('consentExported', records.length));
    } catch (err) {
      setMessage(h('failed', (err as Error).message));
    }
  };
  const applications = page?.applications ?? [];
  const total = page?.total ?? 0;
  const canExport = props.me.user.role !== 'agent';
  return (
    <section class="stack" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{h('consentHeading')}</h2>
      <p class="hint">{h('consentIntro')}</p>
      {canExport ? (
        <div class="actions">
          <button type="button" onClick={() => exportAs('csv')}>
            {h('exportConsentCsv')}
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            {h('exportConsentJson')}
          </button>
        </div>
      ) : null}
      <h3 id="missing-heading">{h('missingHeading')}</h3>
      <p role="status">
        {message || (total ? h('missingShown', offset + 1, offset + applications.length, total) : '')}
      </p>
      {page && !applications.length ? <p>{h('noMissing')}</p> : null}
      <AdminTable
        caption="missingCaption"
        columns={MISSING_COLUMNS}
        rows={applications}
        rowKey={(a) => `${a.applicationId} ${a.planYear}`}
        scrolls
      />
      <PageButtons offset={offset} size={PAGE} hasMore={page?.hasMore === true} onOffset={setOffset} />
    </section>
  );
}
