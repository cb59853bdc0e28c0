export const CLAIMANT_KINDS = ["person", "organization"] as const;

export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const CLAIMANT_KIND_LABEL: Record<ClaimantKind, string> = {
  person: "Person",
  organization: "Organisation",
};

export function isClaimantKind(value: unknown): value is ClaimantKind {
  return typeof value === "string" && (CLAIMANT_KINDS as readonly string[]).includes(value);
}

export function claimantKindLabel(value: string): string {
  return isClaimantKind(value) ? CLAIMANT_KIND_LABEL[value] : CLAIMANT_KIND_LABEL.organization;
}
