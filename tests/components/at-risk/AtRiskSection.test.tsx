import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AtRiskSection } from '../../../components/at-risk/AtRiskSection';
import { AtRiskImportError } from '../../../lib/at-risk/list';
import { problem } from '../../../lib/shared/problem';

const client = {
  federalExchangeId: '4567891230',
  clientDetailsUrl: 'https://www.healthsherpa.com/agents/a/clients/1',
  archived: false,
  firstSeenAt: '2026-11-20T10:00:00.000Z',
  lastImportedAt: '2026-11-20T10:00:00.000Z',
};
const pick = (file: File) =>
  fireEvent.change(
    Object.defineProperty(screen.getByLabelText('AOR at-risk clients CSV'), 'files', { value: [file] }),
  );

describe('AtRiskSection', () => {
  it('lists clients and how many are new since the last visit', () => {
    render(<AtRiskSection clients={[client]} newSinceLastVisit={1} onImport={vi.fn()} />);
    expect(screen.getByRole('rowheader', { name: '4567891230' })).toBeTruthy();
    expect(screen.getByText('1 new since your last visit.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Client details page' }).getAttribute('href')).toBe(
      client.clientDetailsUrl,
    );
  });

  it('reports an import with counts and the skipped lines', async () => {
    const onImport = vi.fn(async () => ({
      rows: 2,
      added: 1,
      errors: [{ line: 3, problem: problem('atRisk.rowId', 3, 'x') }],
    }));
    render(<AtRiskSection clients={[]} newSinceLastVisit={0} onImport={onImport} />);
    pick(new File(['x'], 'at-risk.csv', { type: 'text/csv' }));
    await screen.findByText('Imported at-risk.csv: 2 clients read, 1 new, 1 lines skipped.');
    expect(
      screen.getByText('Line 3: the Federal Exchange ID "x" is not digits; the row was skipped.'),
    ).toBeTruthy();
  });

  it('shows why a file was refused', async () => {
    const onImport = vi.fn(async () => {
      throw new AtRiskImportError(problem('atRisk.empty'));
    });
    render(<AtRiskSection clients={[]} newSinceLastVisit={0} onImport={onImport} />);
    pick(new File([''], 'empty.csv'));
    await screen.findByText(
      'Nothing was imported: The file is empty. Export the AOR at-risk clients list again and choose that file.',
    );
  });
});
