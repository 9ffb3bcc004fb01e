// The admin's page: enrolment codes, devices, users, the retention rule and the audit log (in words,
// filtered, exported as CSV). Secrets the
// hub makes (a code, a one-time password) are shown once, in the status line of the form that made them.
import { useEffect, useState } from 'preact/hooks';
import { CSV_BOM } from '#lib/call-reports/csv';
import {
  AUDIT_KINDS,
  type AuditExport,
  type AuditPage,
  type CodeList,
  type CodeRequest,
  type DeviceList,
  type EnrollmentCode,
  type HubDevice,
  type StaffMe as Me,
  type NewCode,
  type NewUser,
  type NewUserMade,
  type OneTimePassword,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type RetentionChange,
  type RetentionRule,
  ROLES,
  type Role,
  type StaffUser,
  type UserList,
} from '#lib/hub/contract/staff';
import { toCsv } from '#lib/shared/csv';
import { downloadText, stamp } from '#words/download';
import { tCode } from '#words/i18n';
import { AdminTable, type Column } from './AdminTable';
import { api, qs } from './api';
import { type AuditWords, auditWords } from './audit-words';
import { hubTime } from './dates';
import { type HubKey, h } from './messages';

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Loads `path` now and after every change; `run` reports a change's outcome in the section's status line. */
function useSection<T>(path: string) {
  const [data, setData] = useState<T>();
  const [message, setMessage] = useState({ text: '', error: false });
  const load = () =>
    api<T>(path).then(setData, (err) =>
      setMessage({ text: h('failed', (err as Error).message), error: true }),
    );
  useEffect(() => {
    load();
  }, [path]);
  const run = async (work: () => Promise<string>) => {
    try {
      const text = await work();
      setMessage({ text, error: false });
      await load();
    } catch (err) {
      setMessage({ text: h('failed', (err as Error).message), error: true });
    }
  };
  const status = (
    <p role="status" class={message.error ? 'status status-error' : 'status'}>
      {message.text}
    </p>
  );
  /** A POST without a body (revoke, disable): `done` is what the status line says after it. */
  const post = (to: string, done: string) =>
    run(async () => {
      await api(to, { method: 'POST' });
      return done;
    });
  return { data, run, post, status };
}

/** What a code can still do: revoked, expired and used-up codes enrol no device. */
function codeState(c: EnrollmentCode, now: Date): HubKey {
  if (c.revokedAt) return 'col.state.revoked';
  if (c.expiresAt && Date.parse(c.expiresAt) <= now.getTime()) return 'col.state.expired';
  if (c.maxUses !== null && c.uses >= c.maxUses) return 'col.state.usedUp';
  return 'col.state.active';
}

function Codes() {
  const { data, run, post, status } = useSection<CodeList>('/admin/codes');
  const [label, setLabel] = useState('');
  const [expires, setExpires] = useState('');
  const [maxUses, setMaxUses] = useState('');
  const [npn, setNpn] = useState('');
  const create = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const made = await api<NewCode>('/admin/codes', {
        method: 'POST',
        body: {
          ...(label && { label }),
          ...(expires && { expiresAt: new Date(`${expires}T23:59:59`).toISOString() }),
          ...(maxUses && { maxUses: Number(maxUses) }),
          ...(npn.trim() && { agentNpn: npn.trim() }),
        } satisfies CodeRequest,
      });
      return h('newCode', made.code);
    });
  };
  return (
    <section class="card stack" aria-labelledby="codes-heading">
      <h3 id="codes-heading">{h('codesHeading')}</h3>
      <p class="hint">{h('codesIntro')}</p>
      <form class="actions" onSubmit={create}>
        <label>
          {h('codeLabel')} <input value={label} maxLength={100} onInput={(e) => setLabel(value(e))} />
        </label>
        <label>
          {h('codeExpires')} <input type="date" value={expires} onInput={(e) => setExpires(value(e))} />
        </label>
        <label>
          {h('codeMaxUses')}{' '}
          <input type="number" min={1} max={100000} value={maxUses} onInput={(e) => setMaxUses(value(e))} />
        </label>
        <label>
          {h('codeNpn')}{' '}
          <input inputMode="numeric" maxLength={10} value={npn} onInput={(e) => setNpn(value(e))} />
        </label>
        <button type="submit">{h('createCode')}</button>
      </form>
      {status}
      <AdminTable
        caption="codesCaption"
        columns={[
          { header: 'col.label', cell: (c) => c.label || c.id.slice(0, 8), rowHeader: true },
          { header: 'col.npn', cell: (c) => c.agentNpn ?? '—' },
          { header: 'col.created', cell: (c) => hubTime(c.createdAt) },
          { header: 'col.expires', cell: (c) => (c.expiresAt ? hubTime(c.expiresAt) : h('never')) },
          {
            header: 'col.uses',
            cell: (c) => (
              <>
                {c.uses} / {c.maxUses ?? h('unlimited')}
              </>
            ),
          },
          { header: 'col.status', cell: (c) => h(codeState(c, new Date())) },
          {
            cell: (c) =>
              c.revokedAt ? null : (
                <button
                  type="button"
                  aria-label={h('revokeCode', c.label || c.id.slice(0, 8))}
                  onClick={() => post(`/admin/codes/${c.id}/revoke`, h('revoked'))}
                >
                  {h('revoke')}
                </button>
              ),
          },
        ]}
        rows={data?.codes ?? []}
        rowKey={(c) => c.id}
      />
    </section>
  );
}

function Devices() {
  const { data, post, status } = useSection<DeviceList>('/admin/devices');
  return (
    <section class="card stack" aria-labelledby="devices-heading">
      <h3 id="devices-heading">{h('devicesHeading')}</h3>
      {status}
      <AdminTable<HubDevice>
        caption="devicesCaption"
        columns={[
          { header: 'col.device', cell: (d) => d.name, rowHeader: true },
          {
            header: 'col.agent',
            cell: (d) => d.agentNpn ?? (d.claimedNpn ? h('npnClaimed', d.claimedNpn) : '—'),
          },
          { header: 'col.created', cell: (d) => hubTime(d.createdAt) },
          { header: 'col.lastSeenAt', cell: (d) => (d.lastSeenAt ? hubTime(d.lastSeenAt) : h('never')) },
          {
            header: 'col.status',
            cell: (d) => (d.revokedAt ? h('col.state.revoked') : h('col.state.active')),
          },
          {
            cell: (d) => (
              <>
                {!d.revokedAt && d.claimedNpn && (
                  <button
                    type="button"
                    aria-label={h('confirmNpnOf', d.claimedNpn, d.name)}
                    onClick={() => post(`/admin/devices/${d.id}/confirm-npn`, h('npnConfirmed'))}
                  >
                    {h('confirmNpn')}
                  </button>
                )}{' '}
                {d.revokedAt ? null : (
                  <button
                    type="button"
                    aria-label={h('revokeDevice', d.name)}
                    onClick={() => post(`/admin/devices/${d.id}/revoke`, h('revoked'))}
                  >
                    {h('revoke')}
                  </button>
                )}
              </>
            ),
          },
        ]}
        rows={data?.devices ?? []}
        rowKey={(d) => d.id}
      />
    </section>
  );
}

function Users(props: { me: Me }) {
  const { data, run, post, status } = useSection<UserList>('/admin/users');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('support');
  const [npn, setNpn] = useState('');
  const create = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const made = await api<NewUserMade>('/admin/users', {
        method: 'POST',
        body: { email, role, ...(npn && { agentNpn: npn }) } satisfies NewUser,
      });
      setEmail('');
      setNpn('');
      return h('userCreated', email, made.oneTimePassword);
    });
  };
  return (
    <section class="card stack" aria-labelledby="users-heading">
      <h3 id="users-heading">{h('usersHeading')}</h3>
      <form class="actions" onSubmit={create}>
        <label>
          {h('email')} <input type="email" required value={email} onInput={(e) => setEmail(value(e))} />
        </label>
        <label>
          {h('role')}{' '}
          <select value={role} onChange={(e) => setRole(value(e) as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {h(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {h('agentNpn')}{' '}
          <input inputMode="numeric" pattern="\d{1,10}" value={npn} onInput={(e) => setNpn(value(e))} />
        </label>
        <button type="submit">{h('createUser')}</button>
      </form>
      {status}
      <AdminTable<StaffUser>
        caption="usersCaption"
        columns={[
          { header: 'col.email', cell: (u) => u.email, rowHeader: true },
          {
            header: 'col.role',
            cell: (u) => (
              <>
                {h(`role.${u.role}`)}
                {u.agentNpn ? ` (NPN ${u.agentNpn})` : ''}
              </>
            ),
          },
          { header: 'col.account', cell: (u) => (u.disabledAt ? h('disabled') : h('active')) },
          {
            class: 'actions',
            cell: (u) => (
              <>
                <button
                  type="button"
                  aria-label={h('resetPasswordFor', u.email)}
                  onClick={() =>
                    run(async () => {
                      const r = await api<OneTimePassword>(`/admin/users/${u.id}/reset-password`, {
                        method: 'POST',
                      });
                      return h('passwordReset', u.email, r.oneTimePassword);
                    })
                  }
                >
                  {h('resetPassword')}
                </button>
                {u.disabledAt || u.id === props.me.user.id ? null : (
                  <button
                    type="button"
                    aria-label={h('disableUser', u.email)}
                    onClick={() => post(`/admin/users/${u.id}/disable`, h('saved'))}
                  >
                    {h('disable')}
                  </button>
                )}
              </>
            ),
          },
        ]}
        rows={data?.users ?? []}
        rowKey={(u) => u.id}
      />
    </section>
  );
}

function Retention() {
  const { data, run, status } = useSection<RetentionRule>('/admin/retention');
  const [days, setDays] = useState('');
  useEffect(() => setDays(data?.reportRetentionDays ? String(data.reportRetentionDays) : ''), [data]);
  return (
    <form
      class="card stack"
      aria-labelledby="retention-heading"
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          await api('/admin/retention', {
            method: 'PUT',
            body: { reportRetentionDays: days ? Number(days) : null } satisfies RetentionChange,
          });
          return h('retentionSaved');
        });
      }}
    >
      <h3 id="retention-heading">{h('retentionHeading')}</h3>
      <p class="hint">{h('retentionIntro')}</p>
      <label for="retention-days">{h('retentionDays')}</label>
      <input
        id="retention-days"
        type="number"
        min={RETENTION_DAYS_MIN}
        max={RETENTION_DAYS_MAX}
        placeholder={h('retentionForever')}
        value={days}
        onInput={(e) => setDays(value(e))}
      />
      <div class="actions">
        <button type="submit">{h('saveRetention')}</button>
      </div>
      {status}
    </form>
  );
}

const AUDIT_COLUMNS = [
  { key: 'at', header: 'col.at' },
  { key: 'who', header: 'col.who' },
  { key: 'what', header: 'col.action' },
  { key: 'record', header: 'col.target' },
] as const;

const AUDIT_TABLE: Column<AuditWords & { id: number; at: string }>[] = [
  { header: 'col.at', cell: (e) => hubTime(e.at) },
  { header: 'col.who', cell: (e) => e.who },
  { header: 'col.action', cell: (e) => e.what, rowHeader: true },
  { header: 'col.target', cell: (e) => e.record },
];

/** Whose changes the filter can show: the agency's accounts and devices, and the hub itself. */
function useActors() {
  const [actors, setActors] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    Promise.all([api<UserList>('/admin/users'), api<DeviceList>('/admin/devices')]).then(
      ([u, d]) =>
        setActors([
          ...u.users.map((x) => ({ value: `user:${x.id}`, label: x.email })),
          ...d.devices.map((x) => ({ value: `device:${x.id}`, label: h('audit.who.device', x.name) })),
          { value: 'system', label: h('audit.who.system') },
        ]),
      () => setActors([]),
    );
  }, []);
  return actors;
}

/** A date field's day as the instant its filter starts (from) or ends (to), in the person's time zone. */
const dayBound = (day: string, end: boolean) =>
  day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined;

function AuditLog() {
  const [before, setBefore] = useState<number>();
  const [filter, setFilter] = useState({ kind: '', actor: '', from: '', to: '' });
  const params = {
    kind: filter.kind || undefined,
    actor: filter.actor || undefined,
    from: dayBound(filter.from, false),
    to: dayBound(filter.to, true),
  };
  const { data, status, run } = useSection<AuditPage>(`/admin/audit${qs({ ...params, before })}`);
  const actors = useActors();
  const entries = data?.entries ?? [];
  const statusWord = (s: string) => tCode('support.status', s);
  const change = (key: keyof typeof filter) => (e: Event) => {
    setBefore(undefined);
    setFilter({ ...filter, [key]: value(e) });
  };
  const exportCsv = () =>
    run(async () => {
      const all = await api<AuditExport>(`/admin/audit/export${qs(params)}`);
      const rows = all.entries.map((e) => ({ at: e.at, ...auditWords(e, statusWord) }));
      const columns = AUDIT_COLUMNS.map((c) => ({ key: c.key, header: h(c.header) }));
      downloadText(`${CSV_BOM}${toCsv(rows, columns)}`, `hub-audit-log-${stamp(new Date())}.csv`, 'text/csv');
      return h('audit.exported', all.entries.length);
    });
  return (
    <section class="card stack" aria-labelledby="audit-heading">
      <h3 id="audit-heading">{h('auditHeading')}</h3>
      <div class="actions">
        <label>
          {h('audit.filterKind')}{' '}
          <select value={filter.kind} onChange={change('kind')}>
            <option value="">{h('audit.anyKind')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {h(`audit.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {h('audit.filterWho')}{' '}
          <select value={filter.actor} onChange={change('actor')}>
            <option value="">{h('audit.anyone')}</option>
            {actors.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {h('audit.from')} <input type="date" value={filter.from} onChange={change('from')} />
        </label>
        <label>
          {h('audit.to')} <input type="date" value={filter.to} onChange={change('to')} />
        </label>
        <button type="button" onClick={exportCsv}>
          {h('audit.export')}
        </button>
      </div>
      {status}
      <AdminTable
        caption="auditCaption"
        columns={AUDIT_TABLE}
        rows={entries.map((e) => ({ id: e.id, at: e.at, ...auditWords(e, statusWord) }))}
        rowKey={(e) => e.id}
        scrolls
      />
      {data?.hasMore ? (
        <div class="actions">
          <button type="button" onClick={() => setBefore(entries.at(-1)?.id)}>
            {h('olderEntries')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

export function AdminPage(props: { me: Me }) {
  return (
    <section class="stack" aria-labelledby="admin-heading">
      <h2 id="admin-heading">{h('section.admin')}</h2>
      <Codes />
      <Devices />
      <Users me={props.me} />
      <Retention />
      <AuditLog />
    </section>
  );
}
