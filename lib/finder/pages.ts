/**
 * The claim finder's candidates a page at a time (ADR 027): a reviewer reads the best first, and
 * the issue judges the finder by its first 25. A long article has hundreds; rendering them all on
 * every visit made the page the slowest on the desk (`docs/performance.md`).
 */
export const CANDIDATES_PER_PAGE = 25;

export interface CandidatePage {
  /** 1 for the best candidates. */
  page: number;
  pages: number;
  /** The candidates shown, as indexes into the whole list: [start, end). */
  start: number;
  end: number;
}

/**
 * The page `asked` for (the `page` query parameter) of `total` candidates. A number past the last
 * page is the last (an old link after the text changed still shows candidates), and anything that
 * is not a page number is the first.
 */
export function candidatePage(total: number, asked: string | string[] | undefined): CandidatePage {
  const pages = Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE));
  const number = typeof asked === "string" && /^\d{1,20}$/.test(asked) ? Number(asked) : 1;
  const page = Math.min(Math.max(number, 1), pages);
  const start = (page - 1) * CANDIDATES_PER_PAGE;
  return { page, pages, start, end: Math.min(start + CANDIDATES_PER_PAGE, total) };
}
