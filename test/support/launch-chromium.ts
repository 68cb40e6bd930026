import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; `apt-get install -y chromium` provides it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Software WebGL (SwiftShader) and nothing that phones home: tests run offline.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export interface LaunchedChromium {
  context: BrowserContext;
  page: Page;
  /** Everything the page logged at warning level or above, and uncaught errors. */
  problems: string[];
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile in a temp dir, removed on close. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<LaunchedChromium> {
  const profileDir = await mkdtemp(join(tmpdir(), 'citytwin-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  return {
    context, page, problems,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
