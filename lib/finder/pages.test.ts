import { describe, expect, it } from "vitest";
import { CANDIDATES_PER_PAGE, candidatePage } from "./pages";

describe("candidatePage", () => {
  it("cuts the candidates into pages of 25, the best first", () => {
    expect(CANDIDATES_PER_PAGE).toBe(25);
    expect(candidatePage(562, undefined)).toEqual({ page: 1, pages: 23, start: 0, end: 25 });
    expect(candidatePage(562, "2")).toEqual({ page: 2, pages: 23, start: 25, end: 50 });
    expect(candidatePage(562, "23")).toEqual({ page: 23, pages: 23, start: 550, end: 562 });
    expect(candidatePage(20, undefined)).toEqual({ page: 1, pages: 1, start: 0, end: 20 });
    expect(candidatePage(0, undefined)).toEqual({ page: 1, pages: 1, start: 0, end: 0 });
  });

  it("reads a number past the last page as the last, and anything else as the first", () => {
    expect(candidatePage(562, "999")).toMatchObject({ page: 23, start: 550 });
    expect(candidatePage(562, "99999999999999999999")).toMatchObject({ page: 23, start: 550 });
    expect(candidatePage(562, "0")).toMatchObject({ page: 1, start: 0 });
    for (const asked of ["-1", "2.5", "1e3", "two", "", ["2", "3"]]) {
      expect(candidatePage(562, asked), String(asked)).toMatchObject({ page: 1, start: 0 });
    }
  });
});
