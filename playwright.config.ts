import { defineConfig, devices } from "@playwright/test";

// Two servers on one production build, each with its own fresh database: readers' specs see
// exactly the seed story; the desk's specs create, edit and publish without disturbing them.
const READER_PORT = 3100;
const DESK_PORT = 3101;
const url = (port: number) => `http://127.0.0.1:${port}`;

// Debian's Chromium, found (or installed) by scripts/ensure-chromium.mjs; never a downloaded browser.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

function server(port: number) {
  return {
    command: "npx tsx scripts/e2e-server.ts",
    env: { E2E_PORT: String(port) },
    url: `${url(port)}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  // Desk journeys drive two or three signed-in browsers against a 2-core machine; this is a
  // hang guard, not a speed target.
  timeout: 60_000,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { trace: "retain-on-failure" },
  projects: [
    { name: "reader", testIgnore: /desk-.*\.spec\.ts/, use: { ...chromium, baseURL: url(READER_PORT) } },
    { name: "desk", testMatch: /desk-.*\.spec\.ts/, use: { ...chromium, baseURL: url(DESK_PORT) } },
  ],
  webServer: [server(READER_PORT), server(DESK_PORT)],
});
