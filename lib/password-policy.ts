/**
 * What a password must be, in the NIST SP 800-63B style: long enough, not a known common
 * password, and not the person's own email address or name. No composition rules (a digit, a
 * symbol): they make passwords harder to remember and barely harder to guess.
 *
 * Lengths count Unicode code points, not UTF-16 units, so "🔒" is one character, as a person
 * would count it. Passwords are checked as typed: not trimmed, not normalised.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { isStorableText } from "@/lib/text";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordCheck = { ok: true } | { ok: false; message: string };

let commonPasswords: Set<string> | null = null;

/**
 * The ~49,000 most common passwords from zxcvbn-ts, all lower-case. The package decompresses
 * its lists when first imported; the Set is built on the first check and kept.
 */
function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
  return commonPasswords;
}

/** The strings a password may not be: the email, its local part and the name, lower-cased. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const words: string[] = [];
  const email = context.email?.trim().toLowerCase() ?? "";
  if (email !== "") {
    words.push(email);
    const at = email.lastIndexOf("@");
    if (at > 0) words.push(email.slice(0, at));
  }
  const name = context.name?.trim().toLowerCase() ?? "";
  if (name !== "") {
    words.push(name);
    // "Ada Lovelace" as "adalovelace" is still just the name.
    words.push(name.replace(/\s+/gu, ""));
  }
  return words;
}

/**
 * Code points in `text`, counting no further than `limit + 1`: a pasted megabyte is simply too
 * long, without walking all of it.
 */
function countCodePoints(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const unit = text.charCodeAt(i);
    const isPairStart = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (isPairStart && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) i++;
    count++;
  }
  return count;
}

export function checkPassword(password: string, context: { email?: string; name?: string } = {}): PasswordCheck {
  const length = countCodePoints(password, MAX_PASSWORD_LENGTH);

  if (length < MIN_PASSWORD_LENGTH) {
    return { ok: false, message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { ok: false, message: `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.` };
  }
  // Hashed as UTF-8, an unpaired surrogate becomes U+FFFD: two different passwords would open
  // the same account. A NUL cannot be typed, and cuts the password short in C-string tools.
  if (!isStorableText(password)) {
    return { ok: false, message: "That password contains a character that cannot be used (a NUL byte or half an emoji); choose another." };
  }
  const lowered = password.toLowerCase();
  if (personalWords(context).includes(lowered)) {
    return { ok: false, message: "Choose a password that is not your email address or name." };
  }
  if (getCommonPasswords().has(lowered)) {
    return { ok: false, message: "That password is too common; choose another." };
  }
  return { ok: true };
}
