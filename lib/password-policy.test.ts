import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPassword } from "./password-policy";

const TOO_SHORT = { ok: false, message: "Choose a password of at least 8 characters." };
const TOO_LONG = { ok: false, message: "Choose a password of at most 128 characters." };
const TOO_COMMON = { ok: false, message: "That password is too common; choose another." };
const PERSONAL = { ok: false, message: "Choose a password that is not your email address or name." };
const UNUSABLE = { ok: false, message: "That password contains a character that cannot be used (a NUL byte or half an emoji); choose another." };

/** Distinct, uncommon characters, so length is the only thing under test. */
function passwordOfLength(length: number): string {
  const alphabet = "plinthCORVID47#";
  return Array.from({ length }, (_, i) => alphabet[i % alphabet.length]).join("");
}

describe("checkPassword: length", () => {
  it("sets the limits at 8 and 128", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(MAX_PASSWORD_LENGTH).toBe(128);
  });

  it("refuses fewer than 8 characters and accepts 8", () => {
    expect(checkPassword("")).toEqual(TOO_SHORT);
    expect(checkPassword(passwordOfLength(7))).toEqual(TOO_SHORT);
    expect(checkPassword(passwordOfLength(8))).toEqual({ ok: true });
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(checkPassword(passwordOfLength(128))).toEqual({ ok: true });
    expect(checkPassword(passwordOfLength(129))).toEqual(TOO_LONG);
  });

  it("refuses a pasted megabyte as too long", () => {
    expect(checkPassword("x".repeat(1_000_000))).toEqual(TOO_LONG);
  });

  it("counts code points, not UTF-16 units", () => {
    // Seven locks are fourteen UTF-16 units but seven characters.
    expect(checkPassword("\u{1F512}".repeat(7))).toEqual(TOO_SHORT);
    expect(checkPassword("\u{1F512}".repeat(8))).toEqual({ ok: true });
    expect(checkPassword("\u{1F512}".repeat(128))).toEqual({ ok: true });
    expect(checkPassword("\u{1F512}".repeat(129))).toEqual(TOO_LONG);
    expect(checkPassword(`${passwordOfLength(127)}\u{1F512}`)).toEqual({ ok: true });
  });

  it("counts a lone surrogate as one code point, then refuses it: hashed, it would be U+FFFD", () => {
    expect(checkPassword(`${passwordOfLength(6)}\ud83d`)).toEqual(TOO_SHORT);
    expect(checkPassword(`${passwordOfLength(7)}\ud83d`)).toEqual(UNUSABLE);
    expect(checkPassword(`${passwordOfLength(7)}\ufffd`)).toEqual({ ok: true });
    expect(checkPassword(`${passwordOfLength(7)}\u0000`)).toEqual(UNUSABLE);
  });

  it("neither trims nor normalises what was typed", () => {
    // "e" + combining acute is two code points: this is eight, though it shows as four letters.
    expect(checkPassword("e\u0301".repeat(4))).toEqual({ ok: true });
    expect(checkPassword("\u00e9".repeat(4))).toEqual(TOO_SHORT);
    expect(checkPassword(" abc12 ")).toEqual(TOO_SHORT);
  });
});

describe("checkPassword: common passwords", () => {
  it.each(["password", "12345678", "iloveyou", "trustno1", "qwertyuiop", "sunshine", "football", "password1"])(
    "refuses %s",
    (password) => {
      expect(checkPassword(password)).toEqual(TOO_COMMON);
    },
  );

  it("compares case-insensitively", () => {
    expect(checkPassword("PASSWORD")).toEqual(TOO_COMMON);
    expect(checkPassword("Password1")).toEqual(TOO_COMMON);
    expect(checkPassword("iLoveYou")).toEqual(TOO_COMMON);
  });

  it("holds the whole list, not just its top", () => {
    // Both sit around the 40,000th of the list's 49,233 entries.
    expect(checkPassword("escaflowne")).toEqual(TOO_COMMON);
    expect(checkPassword("systemofadown")).toEqual(TOO_COMMON);
  });

  it("accepts a password that is on no list", () => {
    expect(checkPassword("correct horse battery staple")).toEqual({ ok: true });
    expect(checkPassword("plinth-corvid-47")).toEqual({ ok: true });
  });

  it("refuses only the exact password, not one that contains it", () => {
    expect(checkPassword("password-for-factline")).toEqual({ ok: true });
  });
});

describe("checkPassword: the person's own details", () => {
  const person = { email: "Ada.Lovelace@Example.org", name: "Ada Lovelace" };

  it("refuses the email address, in any case", () => {
    expect(checkPassword("Ada.Lovelace@Example.org", person)).toEqual(PERSONAL);
    expect(checkPassword("ada.lovelace@example.org", person)).toEqual(PERSONAL);
  });

  it("refuses the email's local part", () => {
    expect(checkPassword("ada.lovelace", person)).toEqual(PERSONAL);
    expect(checkPassword("ADA.LOVELACE", person)).toEqual(PERSONAL);
  });

  it("refuses the name, with or without its spaces", () => {
    expect(checkPassword("Ada Lovelace", person)).toEqual(PERSONAL);
    expect(checkPassword("adalovelace", person)).toEqual(PERSONAL);
  });

  it("ignores stray spaces around the details given", () => {
    expect(checkPassword("ada lovelace", { name: "  Ada Lovelace " })).toEqual(PERSONAL);
    expect(checkPassword("ada.lovelace", { email: " ada.lovelace@example.org " })).toEqual(PERSONAL);
  });

  it("accepts the same passwords for someone else, or with no details", () => {
    expect(checkPassword("ada.lovelace")).toEqual({ ok: true });
    expect(checkPassword("ada.lovelace", { email: "grace.hopper@example.org", name: "Grace Hopper" })).toEqual({
      ok: true,
    });
    expect(checkPassword("Ada Lovelace", { email: "", name: "" })).toEqual({ ok: true });
  });

  it("accepts a password that merely contains the name", () => {
    expect(checkPassword("Ada Lovelace wrote the first program", person)).toEqual({ ok: true });
  });

  it("uses the whole address when it has no local part to split off", () => {
    expect(checkPassword("not-an-email", { email: "not-an-email" })).toEqual(PERSONAL);
    expect(checkPassword("@example.org", { email: "@example.org" })).toEqual(PERSONAL);
  });

  it("checks length before anything else", () => {
    expect(checkPassword("ada", { name: "ada" })).toEqual(TOO_SHORT);
    expect(checkPassword("1234", {})).toEqual(TOO_SHORT);
  });
});
