/** A story's claims and whether readers see it, in words: "3 claims, 1 published". */
export function storyClaimsNote({ claimCount, publishedCount }: { claimCount: number; publishedCount: number }): string {
  const claims = claimCount === 1 ? "1 claim" : `${claimCount.toLocaleString("en")} claims`;
  if (claimCount === 0) return "no claims yet: readers cannot see it";
  if (publishedCount === 0) return `${claims}, none published: readers cannot see it yet`;
  return `${claims}, ${publishedCount.toLocaleString("en")} published`;
}
