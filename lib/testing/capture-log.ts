import { Writable } from "node:stream";
import { createLogger, setLoggerForTests } from "@/lib/log";

/** Sends the app's log to memory until `restore`: the raw text, and each line parsed. */
export function captureLog(): { lines: () => Record<string, unknown>[]; raw: () => string; restore: () => void } {
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const previous = setLoggerForTests(createLogger(sink));
  return {
    raw: () => text,
    lines: () => text.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => setLoggerForTests(previous),
  };
}
