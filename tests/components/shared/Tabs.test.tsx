import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { Tabs } from '../../../components/shared/Tabs';

const TABS = [
  { id: 'page', label: 'This page' },
  { id: 'report', label: 'Call report' },
  { id: 'npn', label: 'NPN check' },
];

function Popup() {
  const [selected, setSelected] = useState('page');
  return (
    <Tabs label="AOR Guard" tabs={TABS} selected={selected} onSelect={setSelected}>
      <p>Shown: {selected}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('a click selects a tab and shows its panel, labelled by it', () => {
    render(<Popup />);
    fireEvent.click(screen.getByRole('tab', { name: 'Call report' }));
    expect(screen.getByRole('tab', { name: 'Call report' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Call report' }).textContent).toBe('Shown: report');
  });

  it('arrow keys move the selection and the focus, wrapping at either end; only the selected tab is tabbable', () => {
    render(<Popup />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    fireEvent.keyDown(tab('This page'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('NPN check'));
    expect(screen.getByRole('tabpanel').textContent).toBe('Shown: npn');
    fireEvent.keyDown(tab('NPN check'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('This page'));
    expect(TABS.map((t) => tab(t.label).tabIndex)).toEqual([0, -1, -1]);
    fireEvent.keyDown(tab('This page'), { key: 'Enter' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Shown: page');
  });
});
