// @vitest-environment node
// The manifest asks for no more than the extension uses (docs/PRIVACY.md, Permissions).
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const manifest = config.manifest as Record<string, unknown>;

describe('manifest permissions', () => {
  it('asks for no host access at install: the content script runs on its matches alone', () => {
    expect(manifest.host_permissions).toBeUndefined();
  });

  it('asks for other sites only at the moment of use, https only', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });
});
