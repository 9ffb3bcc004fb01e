import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { type ImportControl, ListImport, type ListImportProps } from '../../../components/npn/ListImport';
import { ImportCancelled } from '../../../lib/npn/registration-list';
import { problem } from '../../../lib/shared/problem';

const props = (over: Partial<ListImportProps> = {}): ListImportProps => ({
  id: 'rcl',
  title: 'Registration Completion List',
  freshness: null,
  url: '',
  onSaveUrl: vi.fn(async () => {}),
  onImport: vi.fn(async () => ({ result: { rows: 0, skipped: 0, errors: [] }, fileName: '' })),
  ...over,
});

const pickFile = (name: string) => {
  const input = screen.getByLabelText('Import from a file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['NPN,…'], name, { type: 'text/csv' })] });
  fireEvent.change(input);
};

const outcome = () => within(screen.getByRole('region', { name: 'Registration Completion List' }));

describe('ListImport', () => {
  it('imports the file picked and says what was kept, skipped and refused, line by line', async () => {
    const onImport = vi.fn(async () => ({
      result: {
        rows: 1204,
        skipped: 37,
        errors: [{ line: 9, problem: problem('list.line', 9, problem('list.rowNpn', '12A4')) }],
      },
      fileName: 'TBL_RCL_12.csv',
    }));
    render(<ListImport {...props({ onImport })} />);
    expect(outcome().getByText('Not imported yet.')).toBeTruthy();
    pickFile('TBL_RCL_12.csv');
    expect(
      await outcome().findByText(
        'Imported TBL_RCL_12.csv: 1,204 rows kept, 37 other plan years skipped, 1 lines with errors.',
      ),
    ).toBeTruthy();
    expect(outcome().getByRole('listitem').textContent).toBe('Line 9: the NPN "12A4" is not 1–10 digits.');
    expect(onImport).toHaveBeenCalledWith({ file: expect.any(File) }, expect.anything());
  });

  it('cancel stops the import in progress and says the list in use is kept', async () => {
    const onImport = vi.fn(
      (_: unknown, control: ImportControl) =>
        new Promise<never>((_resolve, reject) => {
          control.onProgress({ rows: 50, bytes: 3 });
          control.signal.addEventListener('abort', () => reject(new ImportCancelled()));
        }),
    );
    render(<ListImport {...props({ onImport })} />);
    pickFile('TBL_RCL_12.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    expect(
      await screen.findByText(
        'Nothing changed: The import was cancelled. The list you had before is still in use.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull();
  });

  it('refuses an address that is not https, and saves nothing', async () => {
    const onSaveUrl = vi.fn(async () => {});
    render(<ListImport {...props({ onSaveUrl })} />);
    fireEvent.input(screen.getByLabelText('Address of the CSV file'), {
      target: { value: 'http://data.healthcare.gov/TBL_RCL_12.csv' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    expect(await screen.findByText('Enter an https:// address.')).toBeTruthy();
    expect(onSaveUrl).not.toHaveBeenCalled();
  });

  it("an address the agency's policy sets is shown, read-only, with no Save", () => {
    render(<ListImport {...props({ url: 'https://data.example/TBL_RCL_12.csv', urlLocked: true })} />);
    const address = screen.getByLabelText('Address of the CSV file') as HTMLInputElement;
    expect([address.value, address.readOnly]).toEqual(['https://data.example/TBL_RCL_12.csv', true]);
    expect(screen.queryByRole('button', { name: 'Save address' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download from the address' })).toBeTruthy();
  });
});
