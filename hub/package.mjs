// `npm run hub:package`: the hub as one artefact IT deploys without building: the bundled server and web
// app, its migrations, and only the hub's production dependencies (none of the extension's or anyone's dev
// dependencies), with the systemd unit and the Containerfile, in a folder and a .tar.gz (docs/HUB.md).
// Dependencies are copied from this install (native argon2 included), so the artefact runs on the same
// platform it was packaged on: build it on linux-x64 (glibc) for Debian, Ubuntu, RHEL or the container.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const root = here('..');
const { values } = parseArgs({ options: { out: { type: 'string', default: here('./release') } } });

await import('./build.mjs');

const hubPackage = JSON.parse(readFileSync(here('./package.json'), 'utf8'));
const name = `aor-guard-hub-${hubPackage.version}`;
const folder = join(values.out, name);
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });

cpSync(here('./dist'), join(folder, 'dist'), { recursive: true });
cpSync(here('./migrations'), join(folder, 'migrations'), { recursive: true });
cpSync(here('./deploy/Containerfile'), join(folder, 'Containerfile'));
cpSync(here('./deploy/aor-guard-hub.service'), join(folder, 'aor-guard-hub.service'));
cpSync(join(root, 'docs/HUB.md'), join(folder, 'HUB.md'));
const { name: packageName, version, description, type, dependencies } = hubPackage;
writeFileSync(
  join(folder, 'package.json'),
  `${JSON.stringify({ name: packageName, version, description, private: true, type, dependencies }, null, 2)}\n`,
);

// npm's own answer to "what does the hub need at run time", as installed here (hoisted or nested).
const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable', '--workspace', 'hub'], {
  cwd: root,
  encoding: 'utf8',
});
const packages = listed.stdout
  .split('\n')
  .map((path) => relative(root, path.trim()))
  .filter((path) => path.startsWith('node_modules/') && !path.startsWith('node_modules/@aor-guard/'));
if (!packages.some((p) => p === 'node_modules/pg')) {
  process.stderr.write(`npm ls did not list the hub's dependencies:\n${listed.stderr}\n`);
  process.exit(1);
}
for (const path of packages) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  cpSync(join(root, path), join(folder, path), {
    recursive: true,
    dereference: true,
    // A nested node_modules is listed on its own when the hub needs it.
    filter: (source) => !relative(join(root, path), source).includes('node_modules'),
  });
}

const tarball = `${folder}-${process.platform}-${process.arch}.tar.gz`;
const tar = spawnSync('tar', ['-czf', tarball, '-C', values.out, name], { stdio: 'inherit' });
if (tar.status !== 0) process.exit(tar.status ?? 1);
process.stdout.write(`${folder}\n${tarball}\n`);
