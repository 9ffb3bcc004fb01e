import { useEffect, useRef, useState } from 'preact/hooks';
import type { TryPageRuleReply } from '../../lib/messages';
import type { AgencyRules } from '../../lib/page-rules/agency';
import type { ActiveRule, PageRule, PageRulesFile } from '../../lib/page-rules/rule';
import { ProblemError } from '../../lib/shared/problem';
import { SITES } from '../../lib/sites/hosts';
import { downloadText, stamp } from '../../words/download';
import { formatDate, t, tCode, tError } from '../../words/i18n';
import { JsonFileButton } from '../shared/JsonFileButton';

export interface PageRulesViewProps {
  /** The agent's own rules, newest first. */
  rules: PageRule[];
  agency: AgencyRules;
  onRename(id: string, name: string): Promise<void>;
  onDelete(rule: PageRule): Promise<void>;
  /** Puts a deleted rule back as it was. */
  onUndoDelete(rule: PageRule): Promise<void>;
  onImport(file: File): Promise<{ added: number; replaced: number }>;
  onExport(): Promise<PageRulesFile>;
  /** Undefined: no answer came (the background does not know the message). */
  onTry(rule: PageRule): Promise<TryPageRuleReply | undefined>;
}

/** A refusal in the agent's words (errors.pageRules.*), or what else went wrong. */
function explain(err: unknown): string {
  return err instanceof ProblemError ? tError(err) : t('pageRules.failed', [tError(err)]);
}

const siteLabel = (id: string) => SITES.find((s) => s.id === id)?.label ?? id;
const dateOf = (iso: string) => formatDate(iso);

function tryMessage(rule: PageRule, reply: TryPageRuleReply | undefined): string {
  if (!reply) return t('pageRules.tryUnavailable', [rule.name]);
  if (reply.found) return t('pageRules.tryFound', [rule.name, reply.value]);
  return tCode('pageRules.tryResult', reply.reason, [rule.name]);
}

/** The name cell: the name, or while renaming a field that saves on Enter and gives up on Escape. */
function NameCell(props: { rule: ActiveRule; onRename(name: string): Promise<void> }) {
  const { rule } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const renaming = draft !== null;
  const started = useRef(false);
  // The field takes the keyboard when renaming starts, and gives it back to Rename when it ends.
  useEffect(() => {
    if (renaming) field.current?.focus();
    else if (started.current) renameButton.current?.focus();
    started.current ||= renaming;
  }, [renaming]);
  if (rule.from === 'agency')
    return (
      <td>
        {rule.name} <span class="rule-badge">{t('pageRules.byAgency')}</span>
      </td>
    );
  if (draft === null)
    return (
      <td>
        {rule.name}{' '}
        <button
          ref={renameButton}
          type="button"
          class="link"
          aria-label={t('pageRules.renameFor', [rule.name])}
          onClick={() => setDraft(rule.name)}
        >
          {t('pageRules.rename')}
        </button>
      </td>
    );
  const inputId = `rule-name-${rule.id}`;
  const save = () =>
    props.onRename(draft).then(
      () => {
        setDraft(null);
        setError('');
      },
      (err: unknown) => setError(explain(err)),
    );
  return (
    <td>
      <form
        class="inline-edit"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label class="visually-hidden" for={inputId}>
          {t('pageRules.newName', [rule.name])}
        </label>
        <input
          id={inputId}
          value={draft}
          maxLength={80}
          ref={field}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setDraft(null);
              setError('');
            }
          }}
        />
        <button type="submit">{t('pageRules.save')}</button>
        <button
          type="button"
          onClick={() => {
            setDraft(null);
            setError('');
          }}
        >
          {t('pageRules.cancel')}
        </button>
        {error && (
          <p class="status status-error" id={`${inputId}-error`} role="alert">
            {error}
          </p>
        )}
      </form>
    </td>
  );
}

/** The dashboard's Page rules: the agency's and the agent's taught rules, and the file they travel in. */
export function PageRulesView(props: PageRulesViewProps) {
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  // The last rule deleted, until it is brought back or another is deleted: one Undo at a time.
  const [deleted, setDeleted] = useState<PageRule | null>(null);
  const [tried, setTried] = useState<{ id: string; text: string } | null>(null);
  const rules: ActiveRule[] = [
    ...props.agency.rules,
    ...props.rules.map((r): ActiveRule => ({ ...r, from: 'agent' })),
  ];

  const report = (done: Promise<string>) =>
    done.then(
      (text) => {
        setError('');
        setNotice(text);
      },
      (err: unknown) => {
        setNotice('');
        setError(explain(err));
      },
    );

  const remove = (rule: PageRule) => {
    setDeleted(null);
    report(
      props.onDelete(rule).then(() => {
        setDeleted(rule);
        return t('pageRules.deleted', [rule.name]);
      }),
    );
  };

  const undo = (rule: PageRule) =>
    report(
      props.onUndoDelete(rule).then(() => {
        setDeleted(null);
        return t('pageRules.restored', [rule.name]);
      }),
    );

  const tryRule = (rule: ActiveRule) => {
    setTried({ id: rule.id, text: t('pageRules.trying') });
    const { from: _from, ...plain } = rule;
    props.onTry(plain).then(
      (reply) => setTried({ id: rule.id, text: tryMessage(rule, reply) }),
      () => setTried({ id: rule.id, text: tryMessage(rule, undefined) }),
    );
  };

  const exportRules = () =>
    props.onExport().then(
      (file) =>
        downloadText(
          `${JSON.stringify(file, null, 2)}\n`,
          `aor-guard-page-rules-${stamp(new Date())}.json`,
          'application/json',
        ),
      (err: unknown) => setError(explain(err)),
    );

  return (
    <section class="stack" aria-labelledby="page-rules-heading">
      <h2 id="page-rules-heading">{t('pageRules.heading')}</h2>
      <p class="hint">{t('pageRules.intro')}</p>
      <div class="actions">
        <button type="button" onClick={exportRules} disabled={props.rules.length === 0}>
          {t('pageRules.export')}
        </button>
        <JsonFileButton
          onFile={(file) =>
            report(
              props
                .onImport(file)
                .then(({ added, replaced }) => t('pageRules.imported', [String(added), String(replaced)])),
            )
          }
        >
          {t('pageRules.import')}
        </JsonFileButton>
      </div>
      <p role="alert" class="status status-error">
        {error}
      </p>
      <div role="status" class="status">
        {notice}
        {deleted && (
          <button
            type="button"
            class="link"
            onClick={() => undo(deleted)}
            aria-label={t('pageRules.undoFor', [deleted.name])}
          >
            {t('pageRules.undo')}
          </button>
        )}
      </div>
      {props.agency.invalid.length > 0 && (
        <div class="warning">
          <h3>{t('pageRules.invalidHeading')}</h3>
          <ul>
            {props.agency.invalid.map((bad) => (
              <li key={bad.index}>
                {bad.name
                  ? t('pageRules.invalidNamed', [String(bad.index + 1), bad.name, bad.reason])
                  : t('pageRules.invalidUnnamed', [String(bad.index + 1), bad.reason])}
              </li>
            ))}
          </ul>
        </div>
      )}
      {rules.length === 0 ? (
        <p class="hint">{t('pageRules.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('pageRules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pageRules.name')}</th>
                <th scope="col">{t('pageRules.site')}</th>
                <th scope="col">{t('pageRules.page')}</th>
                <th scope="col">{t('pageRules.fact')}</th>
                <th scope="col">{t('pageRules.taught')}</th>
                <th scope="col">{t('pageRules.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={`${rule.from}-${rule.id}`}>
                  <NameCell rule={rule} onRename={(name) => props.onRename(rule.id, name)} />
                  <td>{siteLabel(rule.site)}</td>
                  <td>
                    <code>{rule.path}</code>
                  </td>
                  <td>{tCode('picker.fact', rule.fact)}</td>
                  <td>{dateOf(rule.createdAt)}</td>
                  <td>
                    <div class="actions">
                      <button
                        type="button"
                        aria-label={t('pageRules.tryFor', [rule.name])}
                        onClick={() => tryRule(rule)}
                      >
                        {t('pageRules.try')}
                      </button>
                      {rule.from === 'agent' && (
                        <button
                          type="button"
                          aria-label={t('pageRules.deleteFor', [rule.name])}
                          onClick={() => remove(rule)}
                        >
                          {t('pageRules.delete')}
                        </button>
                      )}
                    </div>
                    {/* Always there, so that a screen reader hears the result when it comes. */}
                    <p class="hint" role="status">
                      {tried?.id === rule.id ? tried.text : ''}
                    </p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
