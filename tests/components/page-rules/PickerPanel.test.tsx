import { fireEvent, render, screen, within } from '@testing-library/preact';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PickerPanel, type PickerPanelProps } from '../../../components/page-rules/PickerPanel';
import { setChosenMessages } from '../../../words/i18n';

const FACTS = 'What does AOR Guard read wrong on this page?';
const CHOICES = ['Application ID', 'AOR NPN', 'AOR name', 'Coverage status', 'Plan year', 'State'];

afterEach(() => setChosenMessages(null));

/** The facts' radios, by their group's name, as the person sees them. */
const factRadios = (name = FACTS) => within(screen.getByRole('group', { name })).getAllByRole('radio');

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
  it('asks which fact, all six in sight, then to click the spot', () => {
    const p = props();
    render(<PickerPanel {...p} />);
    expect(screen.getByRole('dialog', { name: 'Show AOR Guard' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Now click where the page shows it, or press Tab to point with the keyboard: ↓ ↑ from text to text, ← the area around it, → back in, Enter chooses. Esc cancels.',
    );
    const radios = factRadios();
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(CHOICES);
    expect(
      radios.filter((r) => (r as HTMLInputElement).checked).map((r) => r.closest('label')?.textContent),
    ).toEqual(['AOR NPN']);
    fireEvent.click(screen.getByRole('radio', { name: 'Coverage status' }));
    expect(p.onFact).toHaveBeenCalledWith('hasActiveCoverage');
    expect(screen.queryByRole('button', { name: 'Read it here from now on' })).toBeNull();
  });

  it('speaks Spanish', async () => {
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')) as never, 'es-US');
    const p = props();
    render(<PickerPanel {...p} />);
    const radios = factRadios('¿Qué lee mal AOR Guard en esta página?');
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual([
      'ID de la solicitud',
      'NPN del agente de registro',
      'Nombre del agente de registro',
      'Estado de la cobertura',
      'Año del plan',
      'Estado',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Año del plan' }));
    expect(p.onFact).toHaveBeenCalledWith('planYear');
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
    expect(screen.queryByRole('group', { name: FACTS })).toBeNull();
    expect(screen.queryAllByRole('radio')).toEqual([]);
  });

  it('hands the keyboard to the page pointer on Tab or Enter from the fact, and says what it outlines', () => {
    const p = props();
    const { rerender } = render(<PickerPanel {...p} />);
    const checked = screen.getByRole('radio', { name: 'AOR NPN' });
    fireEvent.keyDown(checked, { key: 'Tab', shiftKey: true });
    fireEvent.keyDown(checked, { key: 'ArrowDown' });
    expect(p.onKeyboard).not.toHaveBeenCalled();
    fireEvent.keyDown(checked, { key: 'Tab' });
    fireEvent.keyDown(checked, { key: 'Enter' });
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
