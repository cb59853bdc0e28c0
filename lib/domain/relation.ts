/** How a source bears on a claim. */
export const RELATIONS = ["appears-in", "supports", "disputes", "context"] as const;

export type Relation = (typeof RELATIONS)[number];

export interface RelationInfo {
  /** Reader-facing label, phrased from the claim's side: "Appears in <source>". */
  label: string;
  /** Phrased from the source's side, for backlinks: "<claim> appears in this source". */
  backlinkLabel: string;
  /** Whether a link of this kind must carry the exact quote. */
  needsQuote: boolean;
}

export const RELATION_INFO: Record<Relation, RelationInfo> = {
  "appears-in": { label: "Appears in", backlinkLabel: "Appears here", needsQuote: true },
  supports: { label: "Supported by", backlinkLabel: "Supports the claim", needsQuote: true },
  disputes: { label: "Disputed by", backlinkLabel: "Disputes the claim", needsQuote: true },
  context: { label: "Context", backlinkLabel: "Gives context", needsQuote: false },
};

export function isRelation(value: unknown): value is Relation {
  return typeof value === "string" && (RELATIONS as readonly string[]).includes(value);
}

export function relationInfo(value: string): RelationInfo {
  return isRelation(value) ? RELATION_INFO[value] : RELATION_INFO.context;
}
