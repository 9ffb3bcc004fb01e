// The one messaging protocol between the content script and the background: a zod schema per message,
// checked on receipt together with the sender.
import * as z from 'zod';
import type { RiskAssessment } from './risk';

const LONG_TEXT = 500;

export const pageFactsSchema = z.object({
  site: z.string().max(40),
  pageKind: z.enum(['client', 'lead', 'application', 'invalid-action', 'other']),
  applicationId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  planYear: z.number().int().min(2000).max(2200).optional(),
  consumerName: z.string().max(LONG_TEXT).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  aorName: z.string().max(LONG_TEXT).optional(),
  aorNpn: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  aorAbsent: z.boolean().optional(),
  conflicts: z
    .array(z.enum(['aorNpn', 'applicationId']))
    .max(2)
    .optional(),
  hasActiveCoverage: z.boolean().optional(),
  leadStatus: z.enum(['shopping', 'applying', 'confirming']).optional(),
  invalidActionError: z.boolean(),
  resumeLink: z.string().max(2000).optional(),
  overrideNpn: z
    .string()
    .regex(/^\d{0,10}$/)
    .optional(),
  enrolleeAssistance: z.boolean().optional(),
  pathway: z.enum(['agent', 'consumer-resume-link', 'consumer-marketing-link']).optional(),
  atRiskRows: z.number().int().min(0).max(100_000).optional(),
});

const prefillSchema = z.object({
  applicationId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const DASHBOARD_SECTIONS = ['profile', 'call-reports', 'cases', 'at-risk'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assess-page'), facts: pageFactsSchema }),
  z.object({
    type: z.literal('open-dashboard'),
    section: z.enum(DASHBOARD_SECTIONS),
    prefill: prefillSchema.optional(),
  }),
]);

/** Messages the content script answers (from the popup). */
export interface PageFactsRequest {
  type: 'get-page-facts';
}
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

export interface PageVerdict {
  assessment: RiskAssessment | null;
  submittingNpn: string | null;
  /** The application is on an imported AOR at-risk list. */
  atRisk: boolean;
}
export interface Responses {
  'assess-page': PageVerdict;
  'open-dashboard': undefined;
}

export type Handlers = {
  [T in MessageType]: (message: Extract<Message, { type: T }>, sender: Sender) => Promise<Responses[T]>;
};
export interface Sender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

export class RefusedMessage extends Error {}

/**
 * Validates sender and shape before any handler runs. A message from another extension or a web page,
 * or one that does not parse, is refused: the promise rejects and nothing is read or written.
 */
export function createRouter(ownId: string, handlers: Handlers) {
  return (raw: unknown, sender: Sender): Promise<unknown> => {
    if (sender.id !== ownId)
      return Promise.reject(new RefusedMessage('Refused: the message is not from AOR Guard.'));
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return Promise.reject(new RefusedMessage('Refused: the message is malformed.'));
    const message = parsed.data;
    const handler = handlers[message.type] as (m: Message, s: Sender) => Promise<unknown>;
    return handler(message, sender);
  };
}
