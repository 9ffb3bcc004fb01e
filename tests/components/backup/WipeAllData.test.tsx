import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { WipeAllData } from '../../../components/backup/WipeAllData';

const open = () => fireEvent.click(screen.getByRole('button', { name: 'Wipe all data…' }));

describe('WipeAllData', () => {
  it('deletes nothing until the confirmation is answered yes', async () => {
    const onWipe = vi.fn(async () => {});
    render(<WipeAllData onWipe={onWipe} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    open();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete everything AOR Guard keeps?' });
    expect(dialog.textContent).toMatch(/cannot be undone/);
    expect(onWipe).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, wipe everything' }));
    await waitFor(() => expect(onWipe).toHaveBeenCalledOnce());
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  it('puts the keyboard on Cancel first, and Escape or Cancel keep the data', () => {
    const onWipe = vi.fn(async () => {});
    render(<WipeAllData onWipe={onWipe} />);
    const opener = screen.getByRole('button', { name: 'Wipe all data…' });
    open();
    const cancel = screen.getByRole('button', { name: 'Cancel, keep my data' });
    expect(document.activeElement).toBe(cancel);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    // Enter on the focused button is a click: the safe one.
    fireEvent.click(cancel);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    open();
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onWipe).not.toHaveBeenCalled();
  });

  it('says so when the wipe fails, and keeps the confirmation open to try again', async () => {
    render(<WipeAllData onWipe={vi.fn(async () => Promise.reject(new Error('QuotaExceededError')))} />);
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, wipe everything' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'The wipe did not finish: QuotaExceededError. Try again.',
      ),
    );
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('tells the agent the wipe happened (after the page reloaded empty)', () => {
    render(<WipeAllData onWipe={vi.fn()} wiped />);
    expect(screen.getByRole('status').textContent).toBe(
      'Everything AOR Guard kept on this computer was deleted.',
    );
  });
});
