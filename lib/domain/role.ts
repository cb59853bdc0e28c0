/** Newsroom roles, from least to most trusted; each can do everything the one before can. */
export const ROLES = ["reviewer", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  reviewer: "Reviewer",
  editor: "Editor",
  admin: "Administrator",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
