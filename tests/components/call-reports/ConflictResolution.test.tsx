import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import {
  ConflictResolution,
  type ConflictResolutionProps,
} from '../../../components/call-reports/ConflictResolution';
import { formatDate, formatDateTime } from '../../../words/i18n';

const props = (over: Partial<ConflictResolutionProps> = {}): ConflictResolutionProps => ({
  platformEmail: 'Agent_Support@HealthSherpa.com',
  endpoint: '',
  retentionDays: 30,
  onSaveSettings: vi.fn(),
  onBackup: vi.fn(),
  onRestore: vi.fn(),
  onPreviewRetention: vi.fn(async () => []),
  onDelete: vi.fn(),
  ...over,
});

describe('ConflictResolution: retention', () => {
  it('says what the next run will delete, how many and since when, before it runs', () => {
    const at = '2026-11-23T09:00:00.000Z';
    render(
      <ConflictResolution
        {...props({ retentionForecast: { at, count: 4, oldest: '2026-09-01T12:00:00.000Z' } })}
      />,
    );
    const line = screen.getByText(/^Next run/);
    expect(line.textContent).toBe(
      `Next run (${formatDateTime(at)}): deletes 4 resolved report(s), the oldest resolved ${formatDate('2026-09-01T12:00:00.000Z')}.`,
    );
  });

  it('says when the next run has nothing to delete', () => {
    const at = '2026-11-23T09:00:00.000Z';
    render(<ConflictResolution {...props({ retentionForecast: { at, count: 0 } })} />);
    expect(screen.getByText(`Next run (${formatDateTime(at)}): nothing to delete.`)).toBeTruthy();
  });

  it('says nothing of a run while retention is off', () => {
    render(<ConflictResolution {...props({ retentionDays: 0 })} />);
    expect(screen.queryByText(/^Next run/)).toBeNull();
  });
});
