import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { CallReportDetail } from '../../../components/call-reports/CallReportDetail';
import { CallReportTable } from '../../../components/call-reports/CallReportTable';
import { mergeReport } from '../../../lib/call-reports/bundle';
import { DEFAULT_QUERY, matchesQuery, type ReportQuery } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import { correct, moveTo, resolveConflict } from '../../../lib/call-reports/workflow';
import { sample } from '../../support/call-report-sample';

const reports: CallReport[] = [
  sample({ id: 'a', applicationId: '1110000001', state: 'TX', status: 'ready' }),
  sample({
    id: 'b',
    applicationId: '1110000002',
    state: 'FL',
    status: 'filed-cms',
    summary: 'The line dropped twice.',
  }),
  sample({ id: 'c', applicationId: '1110000003', state: 'TX', status: 'resolved' }),
];

/** The table over an in-memory list, as the dashboard drives it over IndexedDB. */
function Harness() {
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_QUERY);
  const rows = reports.filter((r) => matchesQuery(r, query));
  return (
    <CallReportTable
      rows={rows}
      query={query}
      hasMore={false}
      total={rows.length}
      selected={new Set()}
      onQuery={setQuery}
      onSelect={vi.fn()}
      onOpen={vi.fn()}
    />
  );
}

describe('CallReportTable', () => {
  it('shows the support columns and filters by status, state and summary text', async () => {
    render(<Harness />);
    for (const name of [
      'Date and time',
      'Application ID',
      'State',
      'Phone',
      'Issue type',
      'Reporter',
      'Status',
    ]) {
      expect(screen.getByRole('columnheader', { name })).toBeTruthy();
    }
    expect(screen.getAllByRole('rowheader')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'filed-cms' } });
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['1110000002']);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'TX' } });
    expect(screen.getAllByRole('rowheader')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Search summaries'), { target: { value: 'dropped' } });
    // The search is asked for once typing pauses.
    await waitFor(() =>
      expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['1110000002']),
    );
  });

  it('masks the phone until revealed and sorts by a column', () => {
    const onQuery = vi.fn();
    render(
      <CallReportTable
        rows={reports}
        query={DEFAULT_QUERY}
        hasMore={false}
        total={3}
        selected={new Set()}
        onQuery={onQuery}
        onSelect={vi.fn()}
        onOpen={vi.fn()}
      />,
    );
    const reveal = screen.getByRole('button', { name: /Show the phone number for application 1110000001$/ });
    expect(reveal.textContent).toBe('(•••) •••-0143');
    fireEvent.click(reveal);
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('+12025550143');
    fireEvent.click(screen.getByRole('button', { name: 'Application ID' }));
    expect(onQuery).toHaveBeenCalledWith(
      expect.objectContaining({ sort: 'applicationId', dir: 'asc', offset: 0 }),
    );
    expect(screen.getByRole('columnheader', { name: 'Date and time' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });
});

describe('CallReportDetail', () => {
  it('changes the status forward', async () => {
    const onStatus = vi.fn(async () => {});
    render(
      <CallReportDetail
        report={reports[0] as CallReport}
        onClose={vi.fn()}
        onStatus={onStatus}
        onCorrect={vi.fn()}
        onResolve={vi.fn()}
      />,
    );
    const group = screen.getByRole('group', { name: 'Change the status' });
    expect(within(group).queryByRole('button', { name: 'Mark as ready' })).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: 'Mark as filed with CMS help desk' }));
    expect(onStatus).toHaveBeenCalledWith('filed-cms');
    expect(await screen.findByText('Status changed.')).toBeTruthy();
  });

  it('offers only an appended correction once filed, and shows the history', () => {
    const filed = moveTo(reports[0] as CallReport, 'filed-cms', {
      by: 'Pat Support',
      now: new Date('2026-11-21T10:00:00Z'),
    });
    const onCorrect = vi.fn(async () => {});
    render(
      <CallReportDetail
        report={filed}
        onClose={vi.fn()}
        onStatus={vi.fn()}
        onCorrect={onCorrect}
        onResolve={vi.fn()}
      />,
    );
    const box = screen.getByLabelText('Add a correction (the filed text stays as it was)');
    expect((box as HTMLTextAreaElement).value).toBe('');
    fireEvent.input(box, { target: { value: 'The call was on Tuesday, not Monday.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Append correction' }));
    expect(onCorrect).toHaveBeenCalledWith('The call was on Tuesday, not Monday.', filed.summary);
    const history = screen.getByRole('region', { name: 'History' });
    expect(history.textContent).toContain('Pat Support');
    expect(history.textContent).toContain('Filed with CMS help desk');
  });

  it('resolves a flagged conflict: the kept copy becomes the report, the other stays in its history', async () => {
    const base = reports[0] as CallReport;
    const mine = correct(
      base,
      { summary: 'My account of the call.' },
      { by: 'Agent A', now: new Date('2026-11-21T10:00:00Z') },
    );
    const theirs = correct(
      base,
      { summary: 'Their account of the call.' },
      { by: 'Agent B', now: new Date('2026-11-21T10:05:00Z') },
    );
    const flagged = mergeReport(mine, theirs).report;
    function Harness() {
      const [report, setReport] = useState(flagged);
      return (
        <CallReportDetail
          key={report.updatedAt}
          report={report}
          onClose={vi.fn()}
          onStatus={vi.fn()}
          onCorrect={vi.fn()}
          onResolve={async (keep) =>
            setReport(
              resolveConflict(report, keep, { by: 'Pat Support', now: new Date('2026-11-22T09:00:00Z') }),
            )
          }
        />
      );
    }
    render(<Harness />);
    expect(screen.getByRole('alert').textContent).toContain('differs from this one');
    const versions = screen.getByRole('region', { name: 'conflicting versions' });
    expect(within(versions).getByText('My account of the call.')).toBeTruthy();
    expect(within(versions).getByText('Their account of the call.')).toBeTruthy();
    fireEvent.click(within(versions).getByRole('button', { name: 'Keep imported copy 1' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'conflicting versions' })).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    const facts = screen.getByRole('heading', { level: 3 }).closest('article') as HTMLElement;
    expect(within(facts).getAllByText('Their account of the call.')).toHaveLength(1);
    const history = screen.getByRole('region', { name: 'History' });
    expect(history.textContent).toContain('Pat Support');
    expect(within(history).getByText('My account of the call.')).toBeTruthy();
  });

  it('shows a conflict when another tab changed the summary being edited, and sends what it opened', () => {
    const opened = reports[0] as CallReport;
    const onCorrect = vi.fn(async () => {});
    const props = {
      onClose: vi.fn(),
      onStatus: vi.fn(),
      onCorrect,
      onResolve: vi.fn(),
    };
    const { rerender } = render(<CallReportDetail report={opened} {...props} />);
    const box = screen.getByLabelText('Correct the summary');
    fireEvent.input(box, { target: { value: 'My own careful rewrite of it.' } });
    expect(screen.queryByRole('alert')).toBeNull();

    // Another tab saves: the live query hands the editor the new stored report.
    const elsewhere = correct(opened, { summary: 'Written in the other tab.' }, { by: 'B', now: new Date() });
    rerender(<CallReportDetail report={elsewhere} {...props} />);
    expect(screen.getByRole('alert').textContent).toContain('changed in another tab or window');
    expect((screen.getByLabelText('Correct the summary') as HTMLTextAreaElement).value).toBe(
      'My own careful rewrite of it.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(onCorrect).toHaveBeenLastCalledWith('My own careful rewrite of it.', opened.summary);

    fireEvent.click(
      screen.getByRole('button', { name: 'I have read the other change; let me save my text' }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(onCorrect).toHaveBeenLastCalledWith('My own careful rewrite of it.', 'Written in the other tab.');
  });
});
