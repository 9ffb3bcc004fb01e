import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HodReadinessView } from '../../../components/profile/HodReadinessView';
import { assessNpnReadiness } from '../../../lib/npn/readiness';
import { helpOnDemandReadiness, NO_TICKS } from '../../../lib/profile/readiness';

const now = () => new Date(2026, 11, 1, 10, 0);
const readiness = helpOnDemandReadiness({
  planYear: 2027,
  today: now(),
  npn: assessNpnReadiness({
    npn: '12345678',
    planYear: 2027,
    today: now(),
    lists: null,
    rcl: null,
    terminationList: null,
  }),
  rcl: null,
  terminationList: null,
  licenses: [{ state: 'TX', healthLoa: true, expires: '2027-06-30' }],
  ticks: NO_TICKS,
});

describe('HodReadinessView', () => {
  it('names each requirement with its state and what to do', () => {
    render(<HodReadinessView readiness={readiness} ticks={NO_TICKS} onTicks={vi.fn()} now={now} />);
    expect(
      screen.getByRole('heading', {
        name: 'Help On Demand for 2027: 1 met, 2 missing, 3 not known yet',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText('Licensed in an FFM or SBM-FP state with a health line of authority').parentElement
        ?.textContent,
    ).toMatch(/met — TX/);
    expect(screen.getByText(/Activate your account from the Help On Demand email/)).toBeTruthy();
    expect(screen.getAllByText(/Import the Registration Completion List/).length).toBe(2);
  });

  it('saves the coursework tick with its date, refusing a day after today', async () => {
    const onTicks = vi.fn(async () => {});
    render(<HodReadinessView readiness={readiness} ticks={NO_TICKS} onTicks={onTicks} now={now} />);
    fireEvent.click(screen.getByLabelText('I finished the Help On Demand coursework for plan year 2027'));
    fireEvent.input(screen.getByLabelText('Finished on'), { target: { value: '2026-12-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/cannot be after today/)).toBeTruthy();
    expect(onTicks).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Finished on'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByLabelText('My Help On Demand account is activated'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(onTicks).toHaveBeenCalledWith({
      coursework: { planYear: 2027, on: '2026-11-20' },
      activated: true,
    });
  });
});
