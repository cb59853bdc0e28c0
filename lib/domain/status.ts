/**
 * The claim statuses: one closed set, defined once. Every page, filter, badge, API and
 * (later) rating reads from here, so a new status is a compile error until each place
 * handles it.
 */
export const CLAIM_STATUSES = [
  "unverified",
  "in-review",
  "accurate",
  "mostly-accurate",
  "misleading",
  "false",
  "unsupported",
  "not-checkable",
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type StatusTone = "neutral" | "progress" | "positive" | "mixed" | "negative";

export interface StatusInfo {
  label: string;
  definition: string;
  /** Position on the verdict scale, 1 (false) to 5 (accurate); null when not a verdict. */
  verdictRank: number | null;
  tone: StatusTone;
}

export const STATUS_INFO: Record<ClaimStatus, StatusInfo> = {
  unverified: {
    label: "Unverified",
    definition: "Recorded but not yet checked against evidence.",
    verdictRank: null,
    tone: "neutral",
  },
  "in-review": {
    label: "In review",
    definition: "A fact-checker is gathering and weighing the evidence.",
    verdictRank: null,
    tone: "progress",
  },
  accurate: {
    label: "Accurate",
    definition: "The evidence supports the claim as stated.",
    verdictRank: 5,
    tone: "positive",
  },
  "mostly-accurate": {
    label: "Mostly accurate",
    definition: "The claim is supported but needs a clarification or misses a detail.",
    verdictRank: 4,
    tone: "positive",
  },
  misleading: {
    label: "Misleading",
    definition: "The claim contains some truth but leaves a false impression.",
    verdictRank: 3,
    tone: "mixed",
  },
  unsupported: {
    label: "Unsupported",
    definition: "No evidence was found for the claim, though it has not been shown false.",
    verdictRank: 2,
    tone: "mixed",
  },
  false: {
    label: "False",
    definition: "The evidence contradicts the claim.",
    verdictRank: 1,
    tone: "negative",
  },
  "not-checkable": {
    label: "Not checkable",
    definition:
      "An opinion, a prediction or a refusal to comment: there is no fact that evidence could settle.",
    verdictRank: null,
    tone: "neutral",
  },
};

/** The verdict scale's bounds, for ratings (ClaimReview's worstRating and bestRating). */
export const WORST_VERDICT_RANK = 1;
export const BEST_VERDICT_RANK = 5;

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === "string" && (CLAIM_STATUSES as readonly string[]).includes(value);
}

export function isVerdict(status: ClaimStatus): boolean {
  return STATUS_INFO[status].verdictRank !== null;
}

/**
 * Unverified and in review: the claim awaits its rating. Any other status is a rating readers
 * can hold us to (a verdict, or "not checkable"); changing one they have seen is a correction,
 * while giving the first one to a claim they saw pending is an update.
 */
export function isPendingStatus(status: ClaimStatus): boolean {
  return status === "unverified" || status === "in-review";
}

/** What an update did: the first rating of a claim readers had seen pending. */
export function updateSentence(previous: ClaimStatus, next: ClaimStatus): string {
  return isPendingStatus(next)
    ? `We moved this claim from ${STATUS_INFO[previous].label} to ${STATUS_INFO[next].label}.`
    : `We gave our rating: ${STATUS_INFO[next].label}. Until then this claim was shown as ${STATUS_INFO[previous].label}.`;
}

/** Verdict statuses from false to accurate. */
export function verdictStatuses(): ClaimStatus[] {
  return CLAIM_STATUSES.filter(isVerdict).sort(
    (a, b) => (STATUS_INFO[a].verdictRank ?? 0) - (STATUS_INFO[b].verdictRank ?? 0),
  );
}

/**
 * What a correction did, in the one wording every reader-facing place uses (claim page,
 * corrections log, feed, reports). A correction may keep the rating and revise its reasoning.
 */
export function correctionSentence(previous: ClaimStatus, next: ClaimStatus): string {
  return previous === next
    ? `We revised the reasoning behind our rating, which stays ${STATUS_INFO[next].label}.`
    : `We changed our rating from ${STATUS_INFO[previous].label} to ${STATUS_INFO[next].label}.`;
}

/** Reads a stored status; an unknown value (a bad manual edit) is treated as unverified, never shown raw. */
export function toClaimStatus(value: string): ClaimStatus {
  return isClaimStatus(value) ? value : "unverified";
}
