import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CaseTable } from '../../components/CaseTable';
import type { InvalidActionCase } from '../../lib/invalid-action-case';

const base: InvalidActionCase = {
  id: 'a',
  applicationId: '4567891230',
  planYear: 2026,
  consumerName: 'Maria Lopez',
  aorName: 'Jane Broker',
  aorNpn: '87654321',
  site: 'healthsherpa',
  errorSeenAt: '2026-11-20T10:00:00.000Z',
  lastSeenAt: '2026-11-21T10:00:00.000Z',
  status: 'action-required',
  updatedAt: '2026-11-21T10:00:00.000Z',
};
const cases = [
  base,
  { ...base, id: 'b', applicationId: '1112223334', consumerName: 'Ana Ruiz', status: 'completed' as const },
];

describe('CaseTable', () => {
  it('lists cases with the platform’s columns and filters by status', () => {
    render(<CaseTable cases={cases} unreadable={0} onStatusChange={vi.fn()} onLogCall={vi.fn()} />);
    expect(screen.getAllByRole('row')).toHaveLength(3);
    for (const name of ['Client', 'AOR', 'Error seen', 'Last seen', 'Status', 'Details', 'Action']) {
      expect(screen.getByRole('columnheader', { name })).toBeTruthy();
    }
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'completed' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: 'Ana Ruiz' })).toBeTruthy();
  });

  it('changes a status from the row and marks completed', () => {
    const onStatusChange = vi.fn(async () => {});
    render(<CaseTable cases={cases} unreadable={0} onStatusChange={onStatusChange} onLogCall={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Status of application 4567891230'), {
      target: { value: 'three-way-call-detected' },
    });
    expect(onStatusChange).toHaveBeenCalledWith('a', 'three-way-call-detected');
    fireEvent.click(screen.getByRole('button', { name: 'Mark application 4567891230 completed' }));
    expect(onStatusChange).toHaveBeenCalledWith('a', 'completed');
    expect(screen.getByRole('button', { name: 'Mark application 1112223334 completed' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('opens a call report for the case', () => {
    const onLogCall = vi.fn();
    render(<CaseTable cases={cases} unreadable={0} onStatusChange={vi.fn()} onLogCall={onLogCall} />);
    const row = screen.getByRole('rowheader', { name: 'Maria Lopez' }).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: /Log a 3-way call report/ }));
    expect(onLogCall).toHaveBeenCalledWith(base);
  });
});
