import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepLocalStorageTrusted } from '../../../lib/storage/access';

const local = fakeBrowser.storage.local as unknown as { setAccessLevel?: unknown };
const original = local.setAccessLevel;
afterEach(() => {
  local.setAccessLevel = original;
});

describe('storage.local is for the extension only', () => {
  it('asks Chromium to keep it from content scripts', async () => {
    const setAccessLevel = vi.fn(async () => {});
    local.setAccessLevel = setAccessLevel;
    expect(await keepLocalStorageTrusted()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('goes on where the browser has no such setting (Firefox) or refuses it for storage.local', async () => {
    local.setAccessLevel = undefined;
    expect(await keepLocalStorageTrusted()).toBe(false);
    local.setAccessLevel = vi.fn(async () => {
      throw new Error('This method is only supported for storage.session');
    });
    expect(await keepLocalStorageTrusted()).toBe(false);
  });
});
