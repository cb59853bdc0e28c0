import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the write (Prisma's P2002), detected by code, never by message. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
