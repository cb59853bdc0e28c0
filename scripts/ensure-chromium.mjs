#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (no browser is ever downloaded). Finds it, or
// installs it with apt-get where that is possible (root on Debian), or says what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function findChromium() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

function canInstall() {
  return process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
}

function apt(args) {
  const result = spawnSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

if (findChromium()) {
  process.exit(0);
}
if (!canInstall()) {
  console.error(
    "The end-to-end tests need Debian's Chromium and it is not installed.\n" +
      "Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "(or set CHROMIUM_PATH to a Chromium binary).",
  );
  process.exit(1);
}
console.log("Chromium not found: installing Debian's chromium package (apt-get).");
if (!apt(["update"]) || !apt(["install", "-y", "--no-install-recommends", "chromium"]) || !findChromium()) {
  console.error("Installing chromium failed. Install it by hand: apt-get update && apt-get install -y chromium");
  process.exit(1);
}
