// Writes public/managed_schema.json and the key table in docs/ADMIN.md from lib/policy/keys.ts.
// Run after changing a policy key: npm run policy:generate (tests/unit/policy/keys.test.ts checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = await build({
  entryPoints: ['lib/policy/keys.ts'],
  bundle: true,
  format: 'esm',
  write: false,
  platform: 'node',
});
const policy = await import(
  `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`
);

writeFileSync('public/managed_schema.json', `${JSON.stringify(policy.managedStorageSchema(), null, 2)}\n`);
const admin = readFileSync('docs/ADMIN.md', 'utf8');
const start = '<!-- policy-keys:start -->';
const end = '<!-- policy-keys:end -->';
if (!admin.includes(start) || !admin.includes(end))
  throw new Error(`docs/ADMIN.md needs the markers ${start} and ${end}`);
const before = admin.slice(0, admin.indexOf(start) + start.length);
const after = admin.slice(admin.indexOf(end));
// Placeholders: the Chrome id follows from the agency's key, the gecko id is the agency's choice.
const snippets = policy.policySnippets('<your-extension-id>', 'aor-guard@your-agency.example');
writeFileSync('docs/ADMIN.md', `${before}\n${policy.policyKeyTable()}\n\n${snippets}\n${after}`);
console.log('public/managed_schema.json and docs/ADMIN.md updated');
