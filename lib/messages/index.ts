// The one messaging protocol with the background: a zod schema per message, split by direction (page →
// background: from-pages.ts; extension pages → background: from-extension.ts; → page: to-pages.ts).
// The router checks who sent a message (this extension, and which kind of page) and its shape once,
// before any handler runs.

import type { ConsentCheck } from '../consent/check';
import type { ActiveRule } from '../page-rules/rule';
import type { TryPageRuleReply } from '../page-rules/try';
import type { Feature } from '../policy/keys';
import type { ReferralReply } from '../referrals/referral';
import type { Verdict } from '../risk/verdict';
import type { BannerCorner } from '../shared/banner-corner';
import { z } from '../shared/schema';
import { type Sender, type SenderPage, senderPage } from '../sites/sender';
import { extensionPageMessages } from './from-extension';
import { enrollmentPageMessages, type otherPageMessages } from './from-pages';

export { type TryPageRuleReply, tryPageRuleReplySchema } from '../page-rules/try';
export type { ReferralReply } from '../referrals/referral';
export type { Sender } from '../sites/sender';
export { pageFactsReplySchema } from './page-facts';
export type { PageFactsRequest } from './to-pages';

/** Every message the background takes, whoever may send it (each type once). */
export const messageSchema = z.discriminatedUnion('type', [
  ...enrollmentPageMessages,
  ...extensionPageMessages,
]);
export type Message = z.infer<typeof messageSchema>;

type EnrollmentPageMessage = z.infer<(typeof enrollmentPageMessages)[number]>;
type ExtensionPageMessage = z.infer<(typeof extensionPageMessages)[number]>;
type OtherPageMessage = z.infer<(typeof otherPageMessages)[number]>;

export interface PageVerdict extends Verdict {
  /** The banner's words in the language the agent chose, when it is not the browser's. */
  messages?: Record<string, { message: string }>;
  /** The agent dismissed this application's banner in this tab. */
  dismissed: boolean;
  /** Features the agency's policy hides: the banner offers none of their actions. */
  hidden?: Feature[];
  /** The taught rules for this page as they stand: the content script reads again when they changed. */
  rules: ActiveRule[];
  /** The agent expanded (true) or collapsed (false) this application's banner; absent: never chose. */
  open?: boolean;
  /** The corner the agent chose for the banner (lib/storage/settings.ts). */
  corner: BannerCorner;
  /** The verdict's stateNote in words, in the agent's language. */
  stateLine?: string;
  /** Near a submission: whether consent and review are on file for the plan year (lib/consent/check.ts). */
  consent?: ConsentCheck;
}

export interface Responses {
  'assess-page': PageVerdict;
  'open-dashboard': undefined;
  'dismiss-banner': undefined;
  'get-page-rules': ActiveRule[];
  'save-page-rule': { name: string };
  'try-page-rule': TryPageRuleReply;
  'set-banner-open': undefined;
  'open-onboarding': undefined;
  'start-referral': ReferralReply;
  'record-referral-outcome': ReferralReply;
}

type HandlersOf<M extends Message, From> = {
  [T in M['type']]: (message: Extract<M, { type: T }>, from: From) => Promise<Responses[T]>;
};

/**
 * The background's answers, by the kind of sender each message is taken from. A handler never checks
 * its sender: the router gave it the one it may answer.
 */
export interface Handlers {
  /** An enrollment page's scripts: answered about that page only (the sender's tab, site and path). */
  enrollmentPage: HandlersOf<EnrollmentPageMessage, SenderPage & { url: string }>;
  /** AOR Guard's own pages (popup, dashboard). */
  extensionPage: HandlersOf<ExtensionPageMessage, Sender>;
  /** A page script on another site (the agency's Help On Demand site): its handler checks the site. */
  otherPage: HandlersOf<OtherPageMessage, Sender & { url: string }>;
}

export class RefusedMessage extends Error {}

/**
 * Validates sender and shape before any handler runs. A message from another extension or a web page,
 * one that does not parse, or one its kind of sender does not send is refused: the promise rejects and
 * nothing is read or written. `ownPages` is the start of this extension's page addresses.
 */
export function createRouter(ownId: string, ownPages: string, handlers: Handlers) {
  return (raw: unknown, sender: Sender): Promise<unknown> => {
    // The browser always names a sender; should it not, that is a refusal, not a crash of the worker.
    if (sender?.id !== ownId)
      return Promise.reject(new RefusedMessage('Refused: the message is not from AOR Guard.'));
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return Promise.reject(new RefusedMessage('Refused: the message is malformed.'));
    const message = parsed.data;
    const url = sender.url;
    const page = senderPage(sender);
    // Which kind of sender this is, and whether that kind sends this message: the handler table says.
    const [taken, from]: [Record<string, unknown>, unknown] = url?.startsWith(ownPages)
      ? [handlers.extensionPage, sender]
      : page && url
        ? [handlers.enrollmentPage, { ...page, url }]
        : url && sender.tab?.id !== undefined
          ? [handlers.otherPage, sender]
          : [{}, undefined];
    if (!Object.hasOwn(taken, message.type))
      return Promise.reject(new RefusedMessage(`Refused: ${message.type} is not taken from this sender.`));
    return (taken[message.type] as (m: Message, f: unknown) => Promise<unknown>)(message, from);
  };
}
