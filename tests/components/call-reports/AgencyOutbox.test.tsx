import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AgencyOutbox, type WaitingSend } from '../../../components/call-reports/AgencyOutbox';

const waiting: WaitingSend[] = [
  {
    id: 'first',
    reports: 3,
    queuedAt: '2026-11-21T09:00:00.000Z',
    attempts: 2,
    nextAt: '2026-11-21T09:02:00.000Z',
    lastError: 'The agency endpoint answered 503.',
  },
  {
    id: 'second',
    reports: 1,
    queuedAt: '2026-11-21T10:00:00.000Z',
    attempts: 1,
    nextAt: '2026-11-21T10:01:00.000Z',
    lastError: 'No answer.',
  },
];

const item = (text: string) =>
  screen.getAllByRole('listitem').find((li) => li.textContent?.includes(text)) as HTMLElement;

describe('AgencyOutbox', () => {
  it('shows nothing while no send is waiting', () => {
    const { container } = render(<AgencyOutbox sends={[]} onRetry={vi.fn()} onDiscard={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('lists each waiting send with its attempts and last error, and retries the one chosen', async () => {
    const onRetry = vi.fn(async (id: string) => id === 'first');
    render(<AgencyOutbox sends={waiting} onRetry={onRetry} onDiscard={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Waiting to send to the agency' })).toBeTruthy();
    expect(item('503').textContent).toMatch(
      /3 report\(s\).*Attempts: 2\. Last error: The agency endpoint answered 503\./,
    );

    fireEvent.click(within(item('No answer')).getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByText('Still not sent; AOR Guard will try again later.')).toBeTruthy();
    expect(onRetry).toHaveBeenCalledWith('second');

    fireEvent.click(within(item('503')).getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByText('Sent.')).toBeTruthy();
    expect(onRetry).toHaveBeenLastCalledWith('first');
  });

  it('discards the one chosen, and says so when that fails', async () => {
    const onDiscard = vi.fn(async (id: string) => {
      if (id === 'second') throw new Error('The database is closed.');
    });
    render(<AgencyOutbox sends={waiting} onRetry={vi.fn()} onDiscard={onDiscard} />);
    fireEvent.click(within(item('No answer')).getByRole('button', { name: 'Discard' }));
    expect((await screen.findByText(/The database is closed\./)).getAttribute('role')).toBe('status');
    fireEvent.click(within(item('503')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('Discarded; the reports themselves are kept.')).toBeTruthy();
    expect(onDiscard.mock.calls.map(([id]) => id)).toEqual(['second', 'first']);
  });
});
