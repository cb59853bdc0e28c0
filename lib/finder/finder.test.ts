import { describe, expect, it } from "vitest";
import { describeSentence, findCandidates, splitSentences, suggestSummary } from "@/lib/finder";
import { dateOfSaying, findDates, guessDate } from "@/lib/finder/dates";
import { ClaimantIndex, findAttribution, withoutTitles } from "@/lib/finder/speakers";
import { QUOTE_CONTEXT_LENGTH, checkQuote } from "@/lib/quote-check";
import { rankSeedClaims } from "@/scripts/finder-seed";

describe("splitSentences", () => {
  it("cuts at full stops and line breaks, with exact offsets", () => {
    const text = "Prices rose. Wages fell!\nIs that fair?\n\n  • Rent: up 12%\n";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["Prices rose.", "Wages fell!", "Is that fair?", "Rent: up 12%"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("does not cut after titles, initials or a short form before a name", () => {
    const text = "Mr. Smith met Dr. Jones in Jan. 2024. The U.S. Army said John F. Kennedy spoke. He left the U.S. The next day he returned.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Mr. Smith met Dr. Jones in Jan. 2024.",
      "The U.S. Army said John F. Kennedy spoke.",
      "He left the U.S.",
      "The next day he returned.",
    ]);
  });

  it("keeps a quoted question or exclamation with the speaker after it", () => {
    const text = "“Are we really meant to believe that?” asked Prof. Lee Chen. “Never!” she shouted. “Why?” Nobody knew.";
    expect(splitSentences(text).map((s) => s.text)).toEqual(["“Are we really meant to believe that?” asked Prof. Lee Chen.", "“Never!” she shouted.", "“Why?”", "Nobody knew."]);
    const [question] = splitSentences(text);
    expect(describeSentence(text, question!.start, question!.end).claimant).toMatchObject({ name: "Lee Chen", basis: "attributed" });
  });

  it("cuts a text longer than its segmenting window exactly as the whole text segmented at once", () => {
    // One paragraph of 12,000 characters, so windows end mid-sentence and mid-word.
    const text = Array.from({ length: 240 }, (_, i) => `Sentence ${i} says the U.S. rate was ${i}.${i % 7 === 0 ? " “Quoted,” he said." : ""}`).join(" ");
    const whole = [...new Intl.Segmenter("en", { granularity: "sentence" }).segment(text)].map((p) => p.index);
    const starts = splitSentences(text).map((s) => s.start);
    expect(starts.length).toBeGreaterThan(240);
    expect(starts.every((start) => whole.includes(start))).toBe(true);
    expect(whole.filter((start) => !starts.includes(start))).toEqual([]);
  });

  it("keeps offsets exact past characters outside the BMP and non-breaking spaces", () => {
    const text = "Emoji 😀 here.\u00a0Then 3 more.";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(text).map((s) => s.text)).toEqual(["Emoji 😀 here.", "Then 3 more."]);
  });
});

describe("dates", () => {
  it("reads days, months and years as precisely as they are written", () => {
    expect(findDates("On 12 March 2024, and on April 3, 2023, in June 2022, during 2021.").map((d) => d.iso)).toEqual(["2024-03-12", "2023-04-03", "2022-06", "2021"]);
    expect(guessDate(findDates("Spending grew in 2019 and by May 2020 it had doubled."))).toBe("2020-05");
  });

  it("takes neither money nor the verb 'may' for a date", () => {
    expect(findDates("It may cost $2025 or 2,019 people.")).toEqual([]);
    expect(findDates("They met last week.").map((d) => [d.words, d.iso])).toEqual([["last week", null]]);
  });
});

describe("attribution", () => {
  it("finds the speaker before the verb, after 'according to', and after an inverted 'said'", () => {
    expect(findAttribution("A Treasury spokesperson told reporters the deficit was falling.")).toMatchObject({ cue: "told", speaker: "Treasury" });
    expect(findAttribution("According to the World Health Organization, cases fell.")).toMatchObject({ cue: "according to", speaker: "World Health Organization" });
    expect(findAttribution("“We will not raise taxes,” said Maria Lopez, the finance minister.")).toMatchObject({ cue: "said", speaker: "Maria Lopez" });
  });

  it("ignores verbs inside quotation marks and names that are not the subject", () => {
    expect(findAttribution("“As we said before, nothing changed,” the mayor told the council.")).toMatchObject({ cue: "told", speaker: null });
    expect(findAttribution("The report for Acme revealed losses.")).toMatchObject({ cue: "revealed", speaker: null });
    expect(findAttribution("The bridge cost more than planned.")).toBeNull();
  });

  it("matches a speaker to a claimant by name, the name without 'The', or its bracketed short form", () => {
    const index = new ClaimantIndex([
      { id: "who", name: "WHO (World Health Organization)" },
      { id: "times", name: "The Times" },
      { id: "ecb", name: "European Central Bank" },
    ]);
    expect(index.match("World Health Organization")?.id).toBe("who");
    expect(index.match("Times")?.id).toBe("times");
    expect(index.match("ECB")?.id).toBe("ecb");
    expect(index.match("Bank of England")).toBeNull();
  });

  it("reads the speaker's name without the titles before it, and after a role of a word or two", () => {
    expect(findAttribution("The barrier is on budget, Councillor Margaret Hale said.")).toMatchObject({ speaker: "Margaret Hale" });
    expect(findAttribution("“The water came in at dawn,” said fisherman Alan Pike.")).toMatchObject({ speaker: "Alan Pike" });
    expect(findAttribution("Rents doubled, said Dr. Aisha Rahman.")).toMatchObject({ speaker: "Aisha Rahman" });
  });

  it("reads a speaker whose affiliation comes between their name and the verb", () => {
    expect(findAttribution("Dr. Aisha Rahman of the housing office said rents doubled in 2025.")).toMatchObject({ cue: "said", speaker: "Aisha Rahman" });
    expect(findAttribution("Alan Pike from a local charity told the council that 40 boats were lost.")).toMatchObject({ speaker: "Alan Pike" });
    // Not an affiliation: the name is the object of a preposition, or a name follows.
    expect(findAttribution("Demand for Azure at the agency grew, officials said.")).toMatchObject({ speaker: null });
    expect(findAttribution("The report for Acme of the year revealed losses.")).toMatchObject({ speaker: null });
  });

  it("takes a later cue that names its speaker over an earlier one that does not", () => {
    expect(findAttribution("Hale added that the barrier cost £40m, according to its own analysis.")).toMatchObject({ cue: "added", speaker: "Hale" });
  });

  it("reads no speaker into a place, a listener or what was said about", () => {
    expect(findAttribution("The minister said in Paris that exports rose 5%.")).toMatchObject({ speaker: null });
    expect(findAttribution("The committee asked Hale to explain the 40% rise.")).toMatchObject({ speaker: null });
    expect(findAttribution("The report said that ICE tripled its data.")).toMatchObject({ speaker: null });
    expect(findAttribution("Exports rose, he said at the Labour conference.")).toMatchObject({ speaker: null });
  });

  it("takes titles off a person's name only: an organisation's name or a title of office stays whole", () => {
    expect(withoutTitles("Councillor Margaret Hale")).toBe("Margaret Hale");
    expect(withoutTitles("Justice Department")).toBe("Justice Department");
    expect(withoutTitles("Mayor Smith")).toBe("Mayor Smith");
    expect(withoutTitles("Secretary of State Marco Rubio")).toBe("Secretary of State Marco Rubio");
    const index = new ClaimantIndex([
      { id: "justice", name: "Justice Department", kind: "organization" },
      { id: "smith", name: "Jane Smith (Harbour Council)", kind: "person" },
    ]);
    expect(index.match("State Department")).toBeNull();
    expect(index.match("Smith")?.id).toBe("smith");
    expect(index.match("Council")).toBeNull();
  });

  it("knows a person on the desk by their surname, unless two people share it", () => {
    const index = new ClaimantIndex([
      { id: "hale", name: "Councillor Margaret Hale", kind: "person" },
      { id: "ford", name: "Joan Ford", kind: "person" },
      { id: "ford2", name: "Peter Ford", kind: "person" },
      { id: "guardian", name: "The Guardian", kind: "organization" },
      { id: "bank", name: "European Central Bank", kind: "organization" },
    ]);
    expect(index.match("Hale")?.id).toBe("hale");
    expect(index.match("Margaret Hale")?.id).toBe("hale");
    expect(index.match("Ford")).toBeNull();
    expect(index.match("Bank")).toBeNull();
  });
});

describe("describeSentence", () => {
  it("explains each feature in words and guesses claimant and date", () => {
    const text = "Unemployment fell to 4.1% in March 2024, down from 5.3% a year earlier, the Labour Ministry said on Tuesday.";
    const c = describeSentence(text, 0, text.length, { claimants: [{ id: "labour", name: "Labour Ministry" }] });
    expect(c.reasons).toEqual(["a percentage (“4.1%”)", "a date (“March 2024”)", "a change or comparison (“fell”)", "attributed to Labour Ministry"]);
    expect(c.claimant).toEqual({ id: "labour", name: "Labour Ministry", basis: "attributed" });
    // March 2024 is what the figure is about; "on Tuesday" is when it was said: with no source date, no day to count back from.
    expect(c.date).toBeNull();
    // The source is of Thursday 11 April 2024: "on Tuesday" is the 9th.
    expect(describeSentence(text, 0, text.length, { sourceDate: "2024-04-11" }).date).toEqual({ iso: "2024-04-09", basis: "sentence" });
  });

  it("guesses the claim's date from the sentence only where it says when the words were said", () => {
    const date = (text: string, sourceDate: string | null = "2026-11-02") => describeSentence(text, 0, text.length, { sourceDate }).date;
    expect(date("The ministry said on 3 May 2025 that exports fell by 4% in 2024.")).toEqual({ iso: "2025-05-03", basis: "sentence" });
    expect(date("Acme told reporters in March 2024 that it had never sold data.")).toEqual({ iso: "2024-03", basis: "sentence" });
    expect(date("Exports fell by 4% in 2024, the ministry said in a statement on May 3, 2025.")).toEqual({ iso: "2025-05-03", basis: "sentence" });
    expect(date("In September 2025, Microsoft said it disabled services used by the unit.")).toEqual({ iso: "2025-09", basis: "sentence" });
    // Dates the claim is about, not when it was made: the source's date.
    // "On Tuesday", "on 1 October": counted back from the source's day (Monday 2 November 2026).
    expect(date("The mayor said on Tuesday that violent crime fell by 40 percent in 2025.")).toEqual({ iso: "2026-10-27", basis: "sentence" });
    expect(date("The mayor said on Monday that crime fell.")).toEqual({ iso: "2026-11-02", basis: "sentence" });
    expect(date("Dr. Aisha Rahman said on 1 October that rents doubled.")).toEqual({ iso: "2026-10-01", basis: "sentence" });
    expect(date("The port said on December 3 that it would hire 250 staff.")).toEqual({ iso: "2025-12-03", basis: "sentence" });
    expect(date("The council said on 1 October, 12 days before the vote, that rents doubled.")).toEqual({ iso: "2026-10-01", basis: "sentence" });
    expect(findDates("Voters went to the polls on Super Tuesday, the Sunday Times said.", "2026-11-02").map((d) => d.iso)).toEqual([null, null]);
    // A source known only to the month gives no day to count back from.
    expect(date("The mayor said on Tuesday that crime fell.", "2026-11")).toEqual({ iso: "2026-11", basis: "source" });
    expect(date("Unemployment in the city is at 3.1%, the lowest since 1999, the council's report says.")).toEqual({ iso: "2026-11-02", basis: "source" });
    expect(date("In 2025, violent crime fell by 40 percent, the mayor said.")).toEqual({ iso: "2026-11-02", basis: "source" });
    expect(date("ICE more than tripled its data on Azure between July 2025 and January 2026, the Guardian reported.", null)).toBeNull();
    // A clause between the verb and the date: what the claim is about (the reviewer's cases).
    for (const text of ["The mayor said violent crime fell by 40 percent in 2025.", "The ministry said exports fell in 2024.", "The port said it would hire 250 staff in 2026.", "Nobody said anything in 2025"]) {
      expect(dateOfSaying(text, findDates(text)), text).toBeNull();
    }
    expect(date("The Guardian was told by officials in 2025 that the contract grew.")).toEqual({ iso: "2026-11-02", basis: "source" });
    expect(date("ICE told The Guardian on 4 February 2026 that it would not comment.")).toEqual({ iso: "2026-02-04", basis: "sentence" });
    expect(date("Microsoft said at a news conference in June 2025 that it reviewed the contract.")).toEqual({ iso: "2025-06", basis: "sentence" });
    // A no-break space or a line break before the date; a listener in lower case.
    expect(date("The ministry said on\u00a03 May 2025 that exports fell.")).toEqual({ iso: "2025-05-03", basis: "sentence" });
    expect(date("The ministry said\non 3 May 2025 that exports fell.")).toEqual({ iso: "2025-05-03", basis: "sentence" });
    expect(date("The mayor told the council on 3 May 2025 that crime fell.")).toEqual({ iso: "2025-05-03", basis: "sentence" });
  });

  it("guesses a claimant the sentence names only where the unnamed speaker stands for one", () => {
    const claimants = [
      { id: "microsoft", name: "Microsoft", kind: "organization" },
      { id: "ice", name: "ICE (U.S. Immigration and Customs Enforcement)", kind: "organization" },
      { id: "guardian", name: "The Guardian", kind: "organization" },
    ];
    const guess = (text: string) => describeSentence(text, 0, text.length, { claimants }).claimant;
    // Someone else's speaker: Microsoft is what was said about, not who said it (the helper's case).
    expect(guess("Microsoft's terms of service forbid the use of its cloud for mass surveillance, the council's IT chief said.")).toBeNull();
    expect(guess("The report further indicated that ICE appeared to be using Microsoft tools.")).toBeNull();
    expect(guess("The company emphasized that its policies prohibit surveillance by ICE.")).toBeNull();
    // A speaker that stands for a name in the sentence.
    expect(guess("The spokesperson further elaborated: “Microsoft policies do not allow mass surveillance.”")).toEqual({ id: "microsoft", name: "Microsoft", basis: "named" });
    expect(guess("The statement followed a report by The Guardian, which revealed that ICE tripled its data.")).toEqual({ id: "guardian", name: "The Guardian", basis: "named" });
    expect(guess("Microsoft has issued a firm statement asserting that ICE does not use it for surveillance.")).toEqual({ id: "microsoft", name: "Microsoft", basis: "named" });
  });

  it("reads a spokesperson after the sentence's words, its full stop aside", () => {
    const claimants = [{ id: "acme", name: "Acme", kind: "organization" }];
    const text = "Acme's exports rose by 5% last year, said a spokesperson.";
    expect(describeSentence(text, 0, text.length, { claimants }).claimant).toEqual({ id: "acme", name: "Acme", basis: "named" });
  });

  it("offers a surname alone as the person the desk knows, not as a new claimant", () => {
    const text = "“Unemployment in the town fell by a third,” Hale told the full council.";
    const c = describeSentence(text, 0, text.length, { claimants: [{ id: "hale", name: "Councillor Margaret Hale", kind: "person" }] });
    expect(c.claimant).toEqual({ id: "hale", name: "Councillor Margaret Hale", basis: "attributed" });
  });

  it("names a speaker who is not a claimant yet, and falls back to the source's date", () => {
    const text = "Acme Corp denied the report, saying it had never sold data.";
    const c = describeSentence(text, 0, text.length, { sourceDate: "2023-11-02" });
    expect(c.claimant).toEqual({ id: null, name: "Acme Corp", basis: "attributed" });
    expect(c.date).toEqual({ iso: "2023-11-02", basis: "source" });
    expect(c.reasons).toContain("a denial or refusal (“denied”)");
  });

  it("counts money once, not also as a figure", () => {
    const text = "The council spent €4.5 million on the stadium.";
    expect(describeSentence(text, 0, text.length).features.map((f) => f.kind)).toEqual(["money"]);
  });

  it("keeps a prefix and suffix of the quote-selector length, exact", () => {
    const text = `${"Some words come first. ".repeat(3)}The tax rose by 20%. ${"Other words follow. ".repeat(3)}`;
    const [c] = findCandidates(text);
    expect(c!.sentence).toBe("The tax rose by 20%.");
    expect(c!.prefix).toBe(text.slice(c!.start - QUOTE_CONTEXT_LENGTH, c!.start));
    expect(c!.suffix).toBe(text.slice(c!.end, c!.end + QUOTE_CONTEXT_LENGTH));
    expect(checkQuote(c!.sentence, text)).toEqual({ status: "found", start: c!.start, end: c!.end });
  });
});

describe("findCandidates", () => {
  const article = [
    "City Budget Under Scrutiny",
    "",
    "The mayor opened the new library on a sunny morning.",
    "Crime fell by 18% last year, Police Commissioner Ana Ruiz said.",
    "Residents enjoyed the music.",
    "The city spent $2.3 billion on roads in 2023, more than double the 2019 figure.",
    "Why does this matter?",
    "The transport agency denied that the tunnel was over budget.",
  ].join("\n");

  it("ranks sentences with figures, money, changes and attribution above plain ones, and leaves out those with none", () => {
    const sentences = findCandidates(article).map((c) => c.sentence);
    expect(sentences.slice(0, 2).sort()).toEqual(["Crime fell by 18% last year, Police Commissioner Ana Ruiz said.", "The city spent $2.3 billion on roads in 2023, more than double the 2019 figure."]);
    expect(sentences).toContain("The transport agency denied that the tunnel was over budget.");
    expect(sentences).not.toContain("Residents enjoyed the music.");
    expect(sentences).not.toContain("The mayor opened the new library on a sunny morning.");
  });

  it("puts headings and questions below statements with the same features", () => {
    const text = "Prices Doubled In 2020\nDid food prices in the city double in 2020?\nFood prices in the city doubled in 2020.";
    const ranked = findCandidates(text);
    expect(ranked.map((c) => c.sentence)).toEqual(["Food prices in the city doubled in 2020.", "Did food prices in the city double in 2020?", "Prices Doubled In 2020"]);
    expect(ranked[2]!.reasons).toContain("reads as a heading");
  });

  it("gives every candidate's offsets exactly in the text", () => {
    for (const c of findCandidates(article)) expect(article.slice(c.start, c.end)).toBe(c.sentence);
  });

  it("runs in linear time on a 20,000-word article", () => {
    const paragraph = "Officials said spending rose 12% to $4.1 billion in 2024. The minister denied the figures were wrong. Residents walked in the park. ";
    const text = paragraph.repeat(Math.ceil(20_000 / paragraph.split(" ").length));
    const started = performance.now();
    const candidates = findCandidates(text, { claimants: Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, name: `Claimant Number ${i}` })) });
    // Generous for a shared machine: what is checked is that it is not quadratic (which takes minutes).
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(candidates.length).toBeGreaterThan(1_000);
  });
});

describe("on the seed article", () => {
  it("has at least 10 of the 12 seed claims' sentences among the first 25 candidates", () => {
    const { ranks, inTop } = rankSeedClaims();
    expect(ranks).toHaveLength(12);
    expect(inTop).toBeGreaterThanOrEqual(10);
  });
});

describe("suggestSummary", () => {
  it("keeps a sentence that fits, on one line", () => {
    expect(suggestSummary("ICE  more than\ntripled its data.", 300)).toBe("ICE more than tripled its data.");
  });

  it("cuts a long sentence after its last whole word, within the limit", () => {
    const summary = suggestSummary("Microsoft said its terms of service forbid the mass surveillance of civilians", 40);
    expect(summary).toBe("Microsoft said its terms of service…");
    expect([...summary].length).toBeLessThanOrEqual(40);
  });

  it("cuts a sentence with no spaces at the limit, not to a single character", () => {
    const summary = suggestSummary("移民及海关执法局在六个月内将其存储在微软云上的数据增加了两倍以上", 10);
    expect(summary).toBe("移民及海关执法局在…");
  });
});
