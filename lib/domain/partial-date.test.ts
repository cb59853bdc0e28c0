import { describe, expect, it } from "vitest";
import { formatPartialDate, isoPartialDate } from "./partial-date";

describe("partial dates", () => {
  const date = new Date(Date.UTC(2025, 8, 1));

  it("show only what is known", () => {
    expect(formatPartialDate(date, "day")).toBe("1 September 2025");
    expect(formatPartialDate(date, "month")).toBe("September 2025");
    expect(formatPartialDate(date, "year")).toBe("2025");
    expect(formatPartialDate(null, "day")).toBeNull();
  });

  it("give ISO 8601 to the same precision", () => {
    expect(isoPartialDate(date, "day")).toBe("2025-09-01");
    expect(isoPartialDate(date, "month")).toBe("2025-09");
    expect(isoPartialDate(date, "year")).toBe("2025");
    expect(isoPartialDate(null)).toBeNull();
  });

  it("do not shift a UTC date into the previous day in any time zone", () => {
    expect(formatPartialDate(new Date(Date.UTC(2026, 0, 1)), "day")).toBe("1 January 2026");
  });
});
