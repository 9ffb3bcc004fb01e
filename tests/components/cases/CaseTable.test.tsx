import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { CaseTable } from '../../../components/cases/CaseTable';
import type { DeletedCase, InvalidActionCase } from '../../../lib/cases/case';

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
    fireEvent.click(screen.getByRole('button', { name: 'Mark completed, application 4567891230' }));
    expect(onStatusChange).toHaveBeenCalledWith('a', 'completed');
    expect(screen.getByRole('button', { name: 'Mark completed, application 1112223334' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('opens a call report for the case', () => {
    const onLogCall = vi.fn();
    render(<CaseTable cases={cases} unreadable={0} onStatusChange={vi.fn()} onLogCall={onLogCall} />);
    const row = screen.getByRole('rowheader', { name: 'Maria Lopez' }).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: /^Log 3-way call for application/ }));
    expect(onLogCall).toHaveBeenCalledWith(base);
  });
});

describe('CaseTable: Resume Link sends', () => {
  const send = {
    id: '0c6f5a57-9f0e-4a4e-8f3b-6a1d2c3b4a59',
    caseId: 'a',
    applicationId: '4567891230',
    planYear: 2026,
    channel: 'email' as const,
    delivery: 'mailto' as const,
    recipient: 'm•••@example.com',
    language: 'en' as const,
    sentAt: '2026-11-22T10:00:00.000Z',
    expiresAt: '2099-12-22T10:00:00.000Z',
    outcome: 'sent' as const,
  };

  it('shows the last send and its expiry, resends, and sorts by column', () => {
    const onResend = vi.fn();
    render(
      <CaseTable
        cases={cases}
        unreadable={0}
        onStatusChange={vi.fn()}
        onLogCall={vi.fn()}
        sends={[send]}
        onResend={onResend}
      />,
    );
    expect(screen.getByText(/^Expires /)).toBeTruthy();
    expect(screen.getByText('No link sent')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Resend the Resume Link for application 4567891230' }),
    );
    expect(onResend).toHaveBeenCalledWith(cases[0]);
    // The other case never had a link sent: it offers the first send, not a "Resend".
    expect(screen.getAllByRole('button', { name: /^Resend/ })).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Send a Resume Link for application 1112223334' }).textContent,
    ).toBe('Send Resume Link');
    const names = () => screen.getAllByRole('rowheader').map((r) => r.textContent);
    fireEvent.click(screen.getByRole('button', { name: 'Client' }));
    expect(names()).toEqual(['Ana Ruiz', 'Maria Lopez']);
    fireEvent.click(screen.getByRole('button', { name: 'Client' }));
    expect(names()).toEqual(['Maria Lopez', 'Ana Ruiz']);
    expect(screen.getByRole('columnheader', { name: 'Client' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('exports the cases shown as CSV', async () => {
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:x';
    };
    HTMLAnchorElement.prototype.click = vi.fn();
    render(
      <CaseTable cases={cases} unreadable={0} onStatusChange={vi.fn()} onLogCall={vi.fn()} sends={[send]} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    URL.createObjectURL = original;
    const text = await created[0]?.text();
    expect(text?.split('\r\n')[0]).toMatch(/^Client,Application ID,Plan year,AOR/);
    expect(text).toContain('Maria Lopez,4567891230,2026');
    expect(text).toContain('2099-12-22T10:00:00.000Z');
  });
});

describe('CaseTable: delete and undo', () => {
  /** The table over a list the handlers change, as the dashboard's live query does. */
  function Harness(props: {
    onDelete(c: InvalidActionCase): Promise<DeletedCase>;
    onUndoDelete(d: DeletedCase): Promise<void>;
  }) {
    const [list, setList] = useState(cases);
    return (
      <CaseTable
        cases={list}
        unreadable={0}
        onStatusChange={vi.fn()}
        onLogCall={vi.fn()}
        onDelete={async (c) => {
          const d = await props.onDelete(c);
          setList((l) => l.filter((x) => x.id !== c.id));
          return d;
        }}
        onUndoDelete={async (d) => {
          await props.onUndoDelete(d);
          setList((l) => [...l, d.case]);
        }}
      />
    );
  }

  it('deletes one case from its row, says so, and Undo brings back exactly what was deleted', async () => {
    const deleted: DeletedCase = { case: base, sends: [] };
    const onDelete = vi.fn(async () => deleted);
    const onUndoDelete = vi.fn(async () => {});
    render(<Harness onDelete={onDelete} onUndoDelete={onUndoDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete the case for application 4567891230' }));
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Maria Lopez' })).toBeNull());
    expect(onDelete).toHaveBeenCalledWith(base);
    expect(screen.getByRole('rowheader', { name: 'Ana Ruiz' })).toBeTruthy();
    expect(
      screen.getByText(/case for application 4567891230 and its Resume Link sends were deleted/),
    ).toBeTruthy();

    fireEvent.click(
      screen.getByRole('button', { name: 'Undo deleting the case for application 4567891230' }),
    );
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'Maria Lopez' })).toBeTruthy());
    expect(onUndoDelete).toHaveBeenCalledWith(deleted);
    expect(screen.getByText('The case for application 4567891230 is back.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('a failed delete or undo says why and keeps the row or the Undo', async () => {
    const onDelete = vi.fn(async () => ({ case: base, sends: [] }));
    const onUndoDelete = vi.fn(async () => {
      throw new Error('A new case for this application was opened since it was deleted');
    });
    render(<Harness onDelete={onDelete} onUndoDelete={onUndoDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete the case for application 4567891230' }));
    const undo = await screen.findByRole('button', {
      name: 'Undo deleting the case for application 4567891230',
    });
    fireEvent.click(undo);
    expect(await screen.findByText(/could not be brought back: A new case/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Undo deleting/ })).toBeTruthy();
  });

  it('without a delete handler there is no Delete button', () => {
    render(<CaseTable cases={cases} unreadable={0} onStatusChange={vi.fn()} onLogCall={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });

  it('shows the host that opened each case, and removes every case one host opened, after asking', async () => {
    const fromPages = [
      { ...base, host: 'www.healthsherpa.com' },
      { ...base, id: 'c', applicationId: '2223334445', host: 'evil.healthsherpa.com' },
      { ...base, id: 'd', applicationId: '3334445556', host: 'evil.healthsherpa.com' },
    ];
    const onDeleteFromHost = vi.fn(async () => 2);
    const ask = vi.spyOn(window, 'confirm');
    render(
      <CaseTable
        cases={fromPages}
        unreadable={0}
        onStatusChange={vi.fn()}
        onLogCall={vi.fn()}
        onDeleteFromHost={onDeleteFromHost}
      />,
    );
    expect(screen.getAllByText('Opened from evil.healthsherpa.com')).toHaveLength(2);
    const hosts = screen.getByRole('group', { name: 'Cases opened from each site' });
    const remove = within(hosts).getByRole('button', {
      name: 'Remove the 2 cases opened from evil.healthsherpa.com',
    });
    ask.mockReturnValueOnce(false);
    fireEvent.click(remove);
    expect(onDeleteFromHost).not.toHaveBeenCalled();
    ask.mockReturnValueOnce(true);
    fireEvent.click(remove);
    expect(onDeleteFromHost).toHaveBeenCalledWith('evil.healthsherpa.com');
    expect(await screen.findByText('2 cases opened from evil.healthsherpa.com were removed.')).toBeTruthy();
    ask.mockRestore();
  });
});
