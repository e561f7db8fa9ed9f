// The browser the web app's tests drive: Debian's chromium package, installed once (never a
// browser download: playwright-core only drives it). Idempotent; honours HEARTH_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
// Arabic-script pages need a font that has the letters (Kurdish ێ ڵ ڕ ۆ included).
const ARABIC_FONT = '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf';
const PACKAGES = ['chromium', 'fonts-noto-core'];

function apt(args, log) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'apt-get' : 'sudo';
  const result = spawnSync(command, asRoot ? args : ['-n', 'apt-get', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) log(`apt-get ${args.join(' ')} failed: ${(result.stderr ?? '').trim().split('\n').pop()}`);
  return result.status === 0;
}

/** The path of a chromium that runs (with Arabic-script fonts), installing Debian's packages when missing. */
export function ensureChromium(log) {
  if (process.env.HEARTH_CHROMIUM || (existsSync(CHROMIUM) && existsSync(ARABIC_FONT))) return CHROMIUM;
  log(`Installing Debian's ${PACKAGES.join(' and ')} for the browser tests (apt-get)...`);
  const install = ['install', '-y', '--no-install-recommends', ...PACKAGES];
  if (!apt(install, log)) {
    apt(['update'], log);
    apt(install, log);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM} and could not be installed: install Debian's chromium package (or set HEARTH_CHROMIUM)`);
  return CHROMIUM;
}
