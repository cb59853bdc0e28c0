// Account administration from the command line (documented in the README):
//   npm run user -- create --email <e> --name <n> --role <reviewer|editor|admin>
//     The password is read from standard input when one is piped in; otherwise one is
//     generated and printed once.
//   npm run user -- disable --email <e>
//     Disables the account and ends all its sessions at once.
//   npm run user -- enable --email <e>
//     Lets a disabled account sign in again, with the password it had.
import crypto from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createAccount, disableAccount, enableAccount } from "../lib/accounts";
import { db } from "../lib/db";
import { isRole, ROLES } from "../lib/domain/role";
import { AppError } from "../lib/errors";

const USAGE = `Usage:
  npm run user -- create --email <email> --name <name> --role <${ROLES.join("|")}>
  npm run user -- disable --email <email>
  npm run user -- enable --email <email>`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the shell's, not the password's.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
  });
  const [command] = positionals;

  if (command === "create") {
    const { email, name, role } = values;
    if (!email || !name || !role) fail(USAGE);
    if (!isRole(role)) fail(`--role must be one of: ${ROLES.join(", ")}.`);
    // A pipe or a redirected file carries a password; a terminal, or no input at all (cron,
    // a non-interactive ssh), means "generate one".
    const stdin = fs.fstatSync(0);
    const piped = stdin.isFIFO() || stdin.isFile();
    const password = piped ? await readStdin() : crypto.randomBytes(18).toString("base64url");
    if (piped && password === "") fail("No password arrived on standard input.");
    const user = await createAccount({ email, name, role, password });
    console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
    if (!piped) console.log(`Password (shown once, store it now): ${password}`);
    return;
  }
  if (command === "disable") {
    if (!values.email) fail(USAGE);
    const { sessionsEnded, email } = await disableAccount(values.email);
    console.log(`Disabled ${email}; ended ${sessionsEnded} session(s).`);
    return;
  }
  if (command === "enable") {
    if (!values.email) fail(USAGE);
    const { email, wasDisabled } = await enableAccount(values.email);
    console.log(wasDisabled ? `Enabled ${email}: they can sign in again with their password.` : `${email} was not disabled.`);
    return;
  }
  fail(USAGE);
}

main()
  .catch((error: unknown) => {
    if (error instanceof AppError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  })
  .finally(() => db.$disconnect());
