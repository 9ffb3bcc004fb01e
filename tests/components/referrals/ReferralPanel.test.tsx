import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ReferralHistory } from '../../../components/referrals/ReferralHistory';
import { ReferralPanel } from '../../../components/referrals/ReferralPanel';
import type { ReferralReply } from '../../../lib/messages';
import { referralFigures } from '../../../lib/referrals/figures';
import type { OutcomeInput, Referral } from '../../../lib/referrals/referral';
import { problem } from '../../../lib/shared/problem';

const START = '2026-11-30T15:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000);
const running: Referral = { id: 'r1', startedAt: START, source: 'popup', status: 'running', notified: [] };
const ok = (referral: Referral): ReferralReply => ({ ok: true, referral });

function recordWith(outcome: string, state: string, language: string) {
  fireEvent.click(screen.getByRole('radio', { name: outcome }));
  fireEvent.change(screen.getByLabelText("Referred consumer's state"), { target: { value: state } });
  fireEvent.change(screen.getByLabelText("Referred consumer's language"), { target: { value: language } });
  fireEvent.click(screen.getByRole('button', { name: 'Record outcome' }));
}

describe('referral timer (popup)', () => {
  it('with no referral, offers the start button only; the click starts one', async () => {
    const onStart = vi.fn(async () => ok(running));
    render(<ReferralPanel referral={undefined} now={at(0)} onStart={onStart} onRecord={vi.fn()} />);
    expect(screen.queryByRole('radio')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'New Help On Demand referral' }));
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('a second start while one runs says so, and shows the same countdown', async () => {
    const onStart = vi.fn(
      async (): Promise<ReferralReply> => ({ ok: false, problem: problem('referrals.running', 11) }),
    );
    render(<ReferralPanel referral={running} now={at(4)} onStart={onStart} onRecord={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'New Help On Demand referral' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A Help On Demand referral is already running (11 minutes left). Record its outcome before you start another; nothing was changed.',
    );
    expect(screen.getByRole('timer').textContent).toBe('Minutes left: 11');
  });

  it('shows the minutes left from the start time, rounded up', () => {
    const { rerender } = render(
      <ReferralPanel referral={running} now={at(10.5)} onStart={vi.fn()} onRecord={vi.fn()} />,
    );
    expect(screen.getByRole('timer').textContent).toBe('Minutes left: 5');
    rerender(<ReferralPanel referral={running} now={at(14.2)} onStart={vi.fn()} onRecord={vi.fn()} />);
    expect(screen.getByRole('timer').textContent).toBe('Minutes left: 1');
  });

  it('records Accepted with the state and language chosen by label', async () => {
    const onRecord = vi.fn(async (_id: string, input: OutcomeInput) =>
      ok({ ...running, status: 'done', ...input }),
    );
    render(<ReferralPanel referral={running} now={at(3)} onStart={vi.fn()} onRecord={onRecord} />);
    recordWith('Accepted', 'TX', 'es');
    expect((await screen.findByRole('status')).textContent).toBe('Recorded: Accepted.');
    expect(onRecord).toHaveBeenCalledWith('r1', { outcome: 'accepted', state: 'TX', language: 'es' });
  });

  it('the language list names languages in words, Spanish among them', () => {
    render(<ReferralPanel referral={running} now={at(3)} onStart={vi.fn()} onRecord={vi.fn()} />);
    const language = screen.getByLabelText("Referred consumer's language");
    expect(within(language).getByRole('option', { name: 'Spanish' })).toBeTruthy();
    expect(within(language).getByRole('option', { name: 'Haitian Creole' })).toBeTruthy();
  });

  it('a refused outcome shows its reason as an alert', async () => {
    const onRecord = vi.fn(
      async (): Promise<ReferralReply> => ({ ok: false, problem: problem('referrals.stateRequired') }),
    );
    render(<ReferralPanel referral={running} now={at(3)} onStart={vi.fn()} onRecord={onRecord} />);
    recordWith('Rejected', '', 'en');
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Choose the consumer's state: the referral names it.",
    );
    expect(onRecord).toHaveBeenCalledWith('r1', { outcome: 'rejected', language: 'en' });
  });

  it('a referral the timer recorded Missed says so and can be corrected', async () => {
    const missed: Referral = { ...running, status: 'done', outcome: 'missed', autoMissed: true };
    const onRecord = vi.fn(async (_id: string, input: OutcomeInput) => ok({ ...missed, ...input }));
    render(<ReferralPanel referral={missed} now={at(20)} onStart={vi.fn()} onRecord={onRecord} />);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText(/Time ran out, so this referral was recorded as Missed/)).toBeTruthy();
    recordWith('Accepted', 'OH', 'en');
    expect((await screen.findByRole('status')).textContent).toBe('Recorded: Accepted.');
  });
});

describe('referral history (dashboard)', () => {
  const done = (id: string, minutes: number, over: Partial<Referral>): Referral => ({
    ...running,
    id,
    startedAt: at(-minutes * 60 * 24).toISOString(),
    status: 'done',
    ...over,
  });
  const list: Referral[] = [
    done('a', 0, { outcome: 'accepted', state: 'TX', language: 'es', recordedAt: at(2).toISOString() }),
    done('b', 1, { outcome: 'missed', autoMissed: true, source: 'command' }),
  ];

  it('shows the figures and a row per referral; only the automatic Missed offers a correction', () => {
    render(
      <ReferralHistory
        referrals={list}
        figures={referralFigures(list, at(10))}
        unreadable={0}
        onRecord={vi.fn()}
      />,
    );
    const term = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(term('Referrals')).toBe('2');
    expect(term('Accepted')).toBe('1');
    expect(term('Median time to answer')).toBe('2 min 0 s');
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .queryAllByRole('cell')
          .map((c) => c.firstChild?.textContent),
      ),
    ).toEqual([
      ['Accepted', 'Texas', 'Spanish', '2 min 0 s', 'Popup'],
      ['Missed', '—', '—', '—', 'Keyboard shortcut'],
    ]);
    expect(within(rows[0] as HTMLElement).queryByText('Correct')).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText('Correct')).toBeTruthy();
  });
});
