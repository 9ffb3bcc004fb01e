import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PickerPanel, type PickerPanelProps } from '../../components/page-rules/PickerPanel';

function props(more: Partial<PickerPanelProps> = {}): PickerPanelProps {
  return {
    fact: 'aorNpn',
    phase: { kind: 'pointing' },
    onFact: vi.fn(),
    onSave: vi.fn(),
    onAgain: vi.fn(),
    onClose: vi.fn(),
    onKeyboard: vi.fn(),
    ...more,
  };
}

describe('PickerPanel (teaching AOR Guard where a fact shows)', () => {
  it('asks which fact, then to click the spot', () => {
    const p = props();
    render(<PickerPanel {...p} />);
    expect(screen.getByRole('dialog', { name: 'Show AOR Guard' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Now click where the page shows it, or press Tab to point with the keyboard: ↓ ↑ from text to text, ← the area around it, → back in, Enter chooses. Esc cancels.',
    );
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

  it('hands the keyboard to the page pointer on Tab or Enter from the fact, and says what it outlines', () => {
    const p = props();
    const { rerender } = render(<PickerPanel {...p} />);
    const select = screen.getByLabelText('What does AOR Guard read wrong on this page?');
    fireEvent.keyDown(select, { key: 'Tab', shiftKey: true });
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    expect(p.onKeyboard).not.toHaveBeenCalled();
    fireEvent.keyDown(select, { key: 'Tab' });
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(p.onKeyboard).toHaveBeenCalledTimes(2);
    rerender(<PickerPanel {...p} phase={{ kind: 'pointing', at: 'Producer ID' }} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Pointing at “Producer ID”. Enter chooses it; ↓ ↑ ← → move. Esc cancels.',
    );
  });

  it('puts the keyboard on saving once a spot is chosen', () => {
    const p = props();
    const { rerender } = render(<PickerPanel {...p} />);
    rerender(<PickerPanel {...p} phase={{ kind: 'read', value: '87654321' }} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Read it here from now on' }));
  });
});
