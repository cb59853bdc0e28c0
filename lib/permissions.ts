import type { Role } from "@/lib/domain/role";

/**
 * Who may do what: the one permission matrix. Every server action and mutating route asks
 * `can(actor, action)` itself; a page hiding a button protects nothing. Each row lists every
 * role explicitly, so adding a role or an action is a compile error until each cell is decided.
 */
export const ACTIONS = [
  "desk:view",
  "claim:create",
  "claim:edit",
  "claimant:create",
  "claimant:edit",
  "source:create",
  "source:edit",
  "link:create",
  "link:edit",
  "link:delete",
  "annotation:create",
  "annotation:edit-own",
  "annotation:delete-own",
  "status:propose",
  "status:decide-published",
  "claim:publish",
  "claim:unpublish",
  "claim:assign",
  "claim:mark-duplicate",
  "story:manage",
  "export:run",
  "insights:view",
  "user:manage",
] as const;

export type Action = (typeof ACTIONS)[number];

export type Actor = Role | "anonymous";

export const ACTORS: readonly Actor[] = ["anonymous", "reviewer", "editor", "admin"];

type Row = Record<Actor, boolean>;

const REVIEWER_UP: Row = { anonymous: false, reviewer: true, editor: true, admin: true };
const EDITOR_UP: Row = { anonymous: false, reviewer: false, editor: true, admin: true };
const ADMIN_ONLY: Row = { anonymous: false, reviewer: false, editor: false, admin: true };

export const PERMISSIONS: Record<Action, Row> = {
  "desk:view": REVIEWER_UP,
  "claim:create": REVIEWER_UP,
  "claim:edit": REVIEWER_UP,
  "claimant:create": REVIEWER_UP,
  "claimant:edit": REVIEWER_UP,
  "source:create": REVIEWER_UP,
  "source:edit": REVIEWER_UP,
  "link:create": REVIEWER_UP,
  "link:edit": REVIEWER_UP,
  "link:delete": REVIEWER_UP,
  "annotation:create": REVIEWER_UP,
  "annotation:edit-own": REVIEWER_UP,
  "annotation:delete-own": REVIEWER_UP,
  // Reviewers set the status of drafts (a proposal until an editor publishes it); changing the
  // status readers see on a published claim is an editor's decision.
  "status:propose": REVIEWER_UP,
  "status:decide-published": EDITOR_UP,
  "claim:publish": EDITOR_UP,
  "claim:unpublish": EDITOR_UP,
  "claim:assign": EDITOR_UP,
  // Marking a draft as a duplicate (or not) is the reviewers' housekeeping; a published claim's
  // readers are then sent elsewhere, which also takes "claim:unpublish" (lib/operations/claims.ts).
  "claim:mark-duplicate": REVIEWER_UP,
  "story:manage": EDITOR_UP,
  // Editor exports may hold drafts and reviewers' notes; published claims are open data.
  "export:run": EDITOR_UP,
  // The desk's figures (docs/decisions/031-insights.md): counts and claim summaries the desk sees
  // anyway; reviewers plan their own work with them.
  "insights:view": REVIEWER_UP,
  "user:manage": ADMIN_ONLY,
};

export function can(actor: Actor, action: Action): boolean {
  return PERMISSIONS[action][actor];
}
