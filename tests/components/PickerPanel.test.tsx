import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PickerPanel, type PickerPanelProps } from '../../components/PickerPanel';

function props(more: Partial<PickerPanelProps> = {}): PickerPanelProps {
  return {
    fact: 'aorNpn',
    phase: { kind: 'pointing' },
    onFact: vi.fn(),
    onSave: vi.fn(),
    onAgain: vi.fn(),
    onClose: vi.fn(),
    ...more,
  };
}

describe('PickerPanel (teaching AOR Guard where a fact shows)', () => {
  it('asks which fact, then to click the spot', () => {
    const p = props();
    render(<PickerPanel {...p} />);
    expect(screen.getByRole('dialog', { name: 'Show AOR Guard' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Now click where the page shows it. Esc cancels.');
    fireEvent.change(screen.getByLabelText('What does AOR Guard read wrong on this page?'), {
      target: { value: 'hasActiveCoverage' },
    });
    expect(p.onFact).toHaveBeenCalledWith('hasActiveCoverage');
    expect(screen.queryByRole('button', { name: 'Read it here from now on' })).toBeNull();
  });

  it('shows what it read there in words, and saves only when asked', () => {
    const p = props({ fact: 'hasActiveCoverage', phase: { kind: 'read', value: true } });
    render(<PickerPanel {...p} />);
    expect(screen.getByRole('status').textContent).toBe('AOR Guard reads there: Active coverage');
    fireEvent.click(screen.getByRole('button', { name: 'Read it here from now on' }));
    expect(p.onSave).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Pick again' }));
    expect(p.onAgain).toHaveBeenCalledOnce();
  });

  it('names the problem with the spot, and the saved rule', () => {
    const { rerender } = render(
      <PickerPanel {...props({ phase: { kind: 'problem', problem: 'no-value', text: 'Jane Broker' } })} />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'There AOR Guard reads “Jane Broker”, which is not that. Click the value itself.',
    );
    rerender(<PickerPanel {...props({ phase: { kind: 'saved', name: 'AOR NPN · /agents/*/clients/*' } })} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Saved as “AOR NPN · \/agents\/\*\/clients\/\*”/);
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(screen.queryByLabelText('What does AOR Guard read wrong on this page?')).toBeNull();
  });
});
