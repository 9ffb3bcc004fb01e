import type { CallReport } from '../../lib/call-reports/report';

/** A sound report; tests override what they exercise. */
export const sample = (over: Partial<CallReport> = {}): CallReport => ({
  id: '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b',
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId: '4567891230',
  state: 'TX',
  phone: '+12025550143',
  summary: 'Representative would not update the NPN.',
  issueType: 'other',
  status: 'ready',
  reporterName: 'Sam Agent',
  reporterNpn: '12345678',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
  ...over,
});
