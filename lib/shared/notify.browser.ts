// Every notification AOR Guard shows is created here, so this is the one place to audit what they say
// (tests/system/privacy-audit.test.ts): never consumer data beyond an application ID.
import { browser } from 'wxt/browser';

// The project ships no icon files yet; notifications need one (a red square, the badge's colour).
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAATUlEQVR42u3ZMREAIAwEwbTxrwV9jwrIwGxxAra+SlIvVwAAAAAARwGrO5MBAAAAAAAAAAAAAAAAAAAAAAAAAAAAANwHODQAAAAAXwM2FuAKS8nPuvcAAAAASUVORK5CYII=';

export async function showNotification(
  id: string,
  words: { title: string; message: string },
  options: { requireInteraction?: boolean } = {},
): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: ICON,
    title: words.title,
    message: words.message,
    ...options,
  });
}
