import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { localDataDir } from "./database-url";

/** The port the app is served on (npm start's PORT, default 3000). */
export function appPort(): string {
  return process.env.PORT && /^\d+$/.test(process.env.PORT) ? process.env.PORT : "3000";
}

/** The app's public origin: BETTER_AUTH_URL, or http://localhost:<PORT> for a local start. */
export function appOrigin(): string {
  return (process.env.BETTER_AUTH_URL ?? `http://localhost:${appPort()}`).replace(/\/+$/, "");
}

/** Origins allowed to send the app's forms and auth requests. */
export function trustedOrigins(): string[] {
  const port = appPort();
  const extra = (process.env.FACTLINE_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return [...new Set([appOrigin(), `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra])];
}

/**
 * The secret that signs session cookies. BETTER_AUTH_SECRET when set; otherwise one made for
 * this installation on first use and kept beside the database file, or in ./data on PostgreSQL (mode 0600), so a quick
 * start is secure without setup and sessions survive restarts. Never a value known in advance.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  if (fromEnv) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
  const file = path.join(localDataDir(), ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // "wx": if another process wrote it first, keep theirs.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw error;
  }
}

/**
 * Whether readers see who on the desk made each public change and wrote each public note
 * (FACTLINE_PUBLIC_NAMES=true). Off by default: the organisation speaks, not its reviewers.
 */
export function publicNames(): boolean {
  const value = process.env.FACTLINE_PUBLIC_NAMES?.trim().toLowerCase();
  return value === "true" || value === "1" || value === "yes";
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/**
 * The organisation that publishes the fact-checks, named in ClaimReview and report headers:
 * FACTLINE_ORG_NAME and FACTLINE_ORG_URL, defaulting to "Factline" at the app's origin.
 * A URL that is not http(s) is refused (npm start checks it before serving) rather than
 * written into partners' data.
 */
export function organisation(): { name: string; url: string } {
  const name = process.env.FACTLINE_ORG_NAME?.trim() || "Factline";
  const url = (process.env.FACTLINE_ORG_URL?.trim() || appOrigin()).replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`FACTLINE_ORG_URL is not a web address: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`FACTLINE_ORG_URL must start with http:// or https://: ${url}`);
  }
  return { name, url };
}
