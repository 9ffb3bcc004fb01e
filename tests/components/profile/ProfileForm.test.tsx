import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ProfileForm } from '../../../components/profile/ProfileForm';
import type { Profile } from '../../../lib/profile/profile';

const empty: Profile = { name: '', npn: '', overrideNpn: '', planYear: 2026 };
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('ProfileForm', () => {
  it('shows the plan year it was given and an optional Override NPN', () => {
    render(<ProfileForm initial={empty} onSave={vi.fn()} />);
    expect(screen.getByLabelText('Plan year')).toHaveProperty('value', '2026');
    expect(screen.getByLabelText('Agency Override NPN')).toHaveProperty('value', '');
  });

  it('explains an SSN-shaped NPN as it is typed', () => {
    render(<ProfileForm initial={empty} onSave={vi.fn()} />);
    type('Your NPN', '123-45-6789');
    expect(screen.getByText(/looks like a Social Security number/)).toBeTruthy();
    expect(screen.getByLabelText('Your NPN').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks before saving nine digits (an SSN has nine too), and saves them on yes', async () => {
    const onSave = vi.fn(async () => {});
    render(<ProfileForm initial={empty} onSave={onSave} />);
    type('Your name', 'Sam Agent');
    type('Your NPN', '123456789');
    expect(screen.getByText(/Nine digits can also be an SSN/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /123456789 has nine digits, like a Social Security/,
    );
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'No, let me correct it' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Your NPN'));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, it is an NPN — save' }));
    await screen.findByText('Profile saved.');
    expect(onSave).toHaveBeenCalledWith({
      name: 'Sam Agent',
      npn: '123456789',
      overrideNpn: '',
      planYear: 2026,
    });
  });

  it('does not save an invalid NPN', async () => {
    const onSave = vi.fn(async () => {});
    render(<ProfileForm initial={empty} onSave={onSave} />);
    type('Your name', 'Sam Agent');
    type('Your NPN', '12345678');
    type('Agency Override NPN', 'AB12345');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Not saved. Correct the fields marked below.');
    expect(screen.getByText(/this looks like a state license number/)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  describe('shown with defaults while the stored profile is read', () => {
    const stored: Profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2027 };

    it('fills every field the person has not typed in, and keeps what they typed', async () => {
      const { rerender } = render(<ProfileForm initial={empty} pending onSave={vi.fn()} />);
      type('Your name', 'Samantha Agent');
      rerender(<ProfileForm initial={stored} onSave={vi.fn()} />);
      await vi.waitFor(() => expect(screen.getByLabelText('Your NPN')).toHaveProperty('value', '12345678'));
      expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Samantha Agent');
      expect(screen.getByLabelText('Plan year')).toHaveProperty('value', '2027');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it("the agency's Override NPN, arriving last, replaces what was typed and locks the field", async () => {
      const { rerender } = render(<ProfileForm initial={empty} pending onSave={vi.fn()} />);
      type('Agency Override NPN', '99999999');
      rerender(<ProfileForm initial={stored} lockedOverrideNpn="55555555" onSave={vi.fn()} />);
      const override = screen.getByLabelText('Agency Override NPN');
      await vi.waitFor(() => expect(override).toHaveProperty('value', '55555555'));
      expect(override).toHaveProperty('readOnly', true);
    });
  });

  describe('another tab or window saves the profile meanwhile', () => {
    const mine: Profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 };
    const theirs: Profile = { ...mine, name: 'Samuel Agent', npn: '23456789' };

    it('an untouched form shows what was saved there', async () => {
      const { rerender } = render(<ProfileForm initial={mine} onSave={vi.fn()} />);
      rerender(<ProfileForm initial={theirs} onSave={vi.fn()} />);
      await vi.waitFor(() => expect(screen.getByLabelText('Your NPN')).toHaveProperty('value', '23456789'));
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('unsaved edits are kept and the other save is shown, to load or to replace', async () => {
      const onSave = vi.fn(async () => {});
      const { rerender } = render(<ProfileForm initial={mine} onSave={onSave} />);
      type('Your name', 'Sam A. Agent');
      rerender(<ProfileForm initial={theirs} onSave={onSave} />);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('Samuel Agent, NPN 23456789');
      expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Sam A. Agent');
      expect(onSave).not.toHaveBeenCalled();

      fireEvent.click(screen.getByRole('button', { name: 'Load the saved profile' }));
      expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Samuel Agent');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('saving after the notice replaces the other save, and its echo raises no notice', async () => {
      const onSave = vi.fn(async () => {});
      const { rerender } = render(<ProfileForm initial={mine} onSave={onSave} />);
      type('Your name', 'Sam A. Agent');
      rerender(<ProfileForm initial={theirs} onSave={onSave} />);
      await screen.findByRole('alert');
      fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
      await screen.findByText('Profile saved.');
      expect(onSave).toHaveBeenCalledWith({ ...mine, name: 'Sam A. Agent' });
      rerender(<ProfileForm initial={{ ...mine, name: 'Sam A. Agent' }} onSave={onSave} />);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Sam A. Agent');
    });
  });
});
