import type { StateNote } from '../lib/profile/licenses';
import { t, tCode } from './i18n';

/** The one line beside the verdict about the consumer's state: the banner (worded in the background) and the popup. */
export function stateLine(note: StateNote): string {
  const parts: string[] = [];
  if (note.license) parts.push(tCode('banner.license', note.license, [note.state]));
  if (note.ownMarketplace) parts.push(t('banner.ownMarketplace', [note.state, String(note.planYear)]));
  return parts.join(' ');
}
