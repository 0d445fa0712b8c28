// Finds a Chromium for the browser tests, the examples' end-to-end tests and the benchmarks.
// Order: $CHROME_PATH, then the usual Debian/Ubuntu paths. When none exists and we run as root
// with apt available, Debian's `chromium` and `fonts-liberation` are installed (see docs/decisions/0003).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags every launch needs here: root needs --no-sandbox, and the closed network refuses background calls. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function found() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist; fix CHROME_PATH or unset it.`);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

function canInstallWithApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/**
 * Returns the path of a Chromium executable, installing Debian's package when allowed.
 * @param {{ install?: boolean, log?: (msg: string) => void }} [options]
 */
export function findChromium({ install = true, log = (m) => console.error(m) } = {}) {
  const path = found();
  if (path) return path;
  if (install && canInstallWithApt()) {
    log('[kitos] No Chromium found: installing Debian packages chromium and fonts-liberation (about a minute)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { stdio: 'inherit', env });
    const after = found();
    if (after) return after;
  }
  throw new Error(
    'No Chromium found: install one (Debian: `sudo apt-get install chromium fonts-liberation`) or set CHROME_PATH to a Chrome/Chromium executable.',
  );
}
