import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, logEvent } from "@/lib/log";
import { captureLog } from "@/lib/testing/capture-log";

const capture = captureLog;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe("logEvent", () => {
  it("writes one JSON line per event, with the level's name, an ISO time and the fields", () => {
    const out = capture();
    restore = out.restore;
    logEvent("warn", "permission refused", { action: "claim:publish", actor: "reviewer", userId: "u1" });
    logEvent("error", "action failed", { error: new Error("disk full") });
    const [first, second] = out.lines();
    expect(first).toMatchObject({ level: "warn", msg: "permission refused", action: "claim:publish", actor: "reviewer", userId: "u1", service: "factline" });
    expect(String(first!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(second).toMatchObject({ level: "error", msg: "action failed", error: "disk full" });
  });

  it("never writes a password, token, cookie or session id, at any depth", () => {
    const out = capture();
    restore = out.restore;
    const secrets = ["hunter2-correct-horse", "tok_abc123", "factline.session_token=xyz789", "sess_456"];
    logEvent("warn", "sign-in failed", {
      email: "reporter@example.org",
      password: secrets[0],
      token: secrets[1],
      cookie: secrets[2],
      sessionId: secrets[3],
      request: { headers: { cookie: secrets[2], authorization: `Bearer ${secrets[1]}` }, body: { newPassword: secrets[0] } },
      attempts: [{ sessionToken: secrets[3] }],
    });
    const text = out.raw();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(out.lines()[0]).toMatchObject({ msg: "sign-in failed", email: "reporter@example.org", request: { headers: {}, body: {} } });
  });

  it("pino's redaction catches a secret that reaches it directly", () => {
    let text = "";
    const logger = createLogger(
      new Writable({
        write(chunk, _encoding, done) {
          text += chunk.toString();
          done();
        },
      }),
    );
    logger.info({ password: "p4ss", headers: { cookie: "c00kie" } }, "direct");
    expect(text).not.toContain("p4ss");
    expect(text).not.toContain("c00kie");
    expect(text).toContain("[redacted]");
  });
});
