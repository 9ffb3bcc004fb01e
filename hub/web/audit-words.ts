// An audit log entry in words (hub/src/staff/audit-log.ts gives the names): who did it, what they did and
// to which record, as a person knows them, in the page's language. Codes the words do not know yet (a
// newer hub) show as they are.
import type { AuditEntry } from '../src/staff/shapes';
import { HUB_MESSAGES, type HubKey, h } from './messages';

export interface AuditWords {
  who: string;
  what: string;
  record: string;
}

const known = (key: string): key is HubKey => key in HUB_MESSAGES.en;
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** `statusWord` words a call report status ('filed-cms') as the reports page does. */
export function auditWords(e: AuditEntry, statusWord: (status: string) => string): AuditWords {
  return { who: whoWords(e), what: whatWords(e, statusWord), record: recordWords(e) };
}

function whoWords(e: AuditEntry): string {
  if (e.actorKind === 'system') return h('audit.who.system');
  if (!e.actorName) return h('audit.who.gone', h(`audit.kindWord.${e.actorKind}`));
  return e.actorKind === 'device' ? h('audit.who.device', e.actorName) : e.actorName;
}

function whatWords(e: AuditEntry, statusWord: (status: string) => string): string {
  const d = e.detail;
  switch (e.action) {
    case 'report.status':
      return d.consumerData === 'acknowledged'
        ? h('audit.report.statusAcknowledged', statusWord(text(d.to)))
        : h('audit.report.status', statusWord(text(d.to)));
    case 'report.redact':
      return h('audit.report.redact', text(d.before), text(d.after));
    case 'reports.export':
      return h('audit.reports.export', text(d.count), text(d.format).toUpperCase());
    case 'gateway.sent':
    case 'gateway.failed':
      return h(`audit.${e.action}`, text(d.channel), text(d.failure));
    case 'device.npnConfirmed':
      return h('audit.device.npnConfirmed', text(d.npn));
    case 'user.create':
      return h('audit.user.create', known(`role.${d.role}`) ? h(`role.${d.role}` as HubKey) : text(d.role));
    case 'settings.retention':
      return d.reportRetentionDays
        ? h('audit.settings.retention', text(d.reportRetentionDays))
        : h('audit.settings.retentionOff');
    case 'retention.run':
      return h('audit.retention.run', text(d.reports), text(d.sends));
    case 'consent.export':
      return h('audit.consent.export', text(d.count), text(d.format).toUpperCase());
    case 'audit.export':
      return h('audit.audit.export', text(d.count));
  }
  const key = `audit.${e.action}`;
  return known(key) ? h(key) : e.action;
}

function recordWords(e: AuditEntry): string {
  if (e.target === 'reports') return h('audit.record.reports');
  if (e.target === 'consent') return h('audit.record.consentIndex');
  const kind = e.target.split(':')[0] ?? '';
  const key = `audit.record.${kind}`;
  if (!known(key)) return e.target;
  if (e.targetName === null) return `${h(key, '—')} (${h('audit.record.gone')})`;
  return h(key, e.targetName || h('audit.record.unnamed'));
}
