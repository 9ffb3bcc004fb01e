import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HubPanel, type HubPanelProps } from '../../../components/hub/HubPanel';
import { ProblemError, problem } from '../../../lib/shared/problem';

const ORIGIN = 'https://hub.acme.example';
const props = (over: Partial<HubPanelProps> = {}): HubPanelProps => ({
  origin: ORIGIN,
  needsPermission: false,
  autoSync: false,
  onConnect: vi.fn(async () => true),
  onSyncNow: vi.fn(async () => {}),
  ...over,
});

describe('HubPanel', () => {
  it('asks the agent to connect while the hub site is not allowed, and says so when they decline', async () => {
    const onConnect = vi.fn(async () => false);
    render(<HubPanel {...props({ needsPermission: true, onConnect })} />);
    expect(screen.getByText(/AOR Guard needs your permission to reach that site/).textContent).toContain(
      ORIGIN,
    );
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect to your agency hub' }));
    expect(await screen.findByText(/was not allowed, so nothing was sent/)).toBeTruthy();
    expect(onConnect).toHaveBeenCalledOnce();
  });

  it('once connected: the agency, last sync, what waits, and Sync now', async () => {
    const onSyncNow = vi.fn(async () => {});
    render(
      <HubPanel
        {...props({
          agencyName: 'Acme Agency',
          lastSyncedAt: '2026-12-01T10:00:00.000Z',
          pending: 4,
          autoSync: true,
          onSyncNow,
        })}
      />,
    );
    expect(screen.getByText(`Connected to Acme Agency at ${ORIGIN}.`)).toBeTruthy();
    expect(screen.getByText(/Auto sync is on/)).toBeTruthy();
    expect(screen.getByText('Waiting to sync').nextElementSibling?.textContent).toBe('4');
    expect(screen.queryByRole('button', { name: 'Connect to your agency hub' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Synced with the agency hub.')).toBeTruthy();
  });

  it('names the last error and a failed Sync now in words', async () => {
    const onSyncNow = vi.fn(async () => {
      throw new ProblemError(problem('hub.badCode'));
    });
    render(
      <HubPanel
        {...props({
          lastError: { problem: problem('hub.down', ORIGIN, 503), at: '2026-12-01T10:00:00.000Z' },
          nextTryAt: '2026-12-01T10:01:00.000Z',
          onSyncNow,
        })}
      />,
    );
    expect(screen.getByText('Last error').nextElementSibling?.textContent).toContain(
      `The agency hub at ${ORIGIN} is not working right now (error 503).`,
    );
    expect(screen.getByText('Next try')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText(/refused the enrolment code/)).toBeTruthy();
  });

  it('lists the reports the hub refused, each with the hub’s reason, in a list named for them', () => {
    const reason = 'Report 0 (r1) has a character the hub cannot store; nothing was stored.';
    render(
      <HubPanel
        {...props({
          agencyName: 'Acme Agency',
          refused: [
            {
              id: 'r1',
              applicationId: '4567891230',
              calledAt: '2026-11-20T15:30:00.000Z',
              problem: problem('hub.refused', reason),
            },
          ],
        })}
      />,
    );
    const list = screen.getByRole('list', { name: 'Reports the hub refused' });
    expect(list.textContent).toContain('Application 4567891230');
    expect(list.textContent).toContain(reason);
    expect(screen.getByText(/the rest keep syncing/)).toBeTruthy();
  });

  it('says how many records the hub did not take at the last sync because another device holds them', () => {
    const { rerender } = render(<HubPanel {...props({ agencyName: 'Acme Agency' })} />);
    expect(screen.queryByText(/another device of your agency holds them/)).toBeNull();
    rerender(<HubPanel {...props({ agencyName: 'Acme Agency', heldElsewhere: 3 })} />);
    expect(
      screen.getByText(
        /the hub did not take 3 record\(s\) from this computer: another device of your agency holds them/,
      ),
    ).toBeTruthy();
  });
});
