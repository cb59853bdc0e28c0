/**
 * The seed story, built from one article alone (microsoft-ice-article.txt, beside this file).
 * The article names no publisher, author, date or link, and cites Reuters and The Guardian
 * without headlines or links: where it is silent the fields stay null and the description
 * says so. Quotes on links to the article are exact substrings of its text (the seed test
 * checks); quotes on links to Reuters and The Guardian are the article's relay of them, since
 * we have seen neither.
 *
 * Ids are fixed and readable so that re-running the seed finds what it made before.
 */
import type { ClaimStatus } from "../../lib/domain/status";
import type { ClaimantKind } from "../../lib/domain/claimant-kind";
import type { DatePrecision } from "../../lib/domain/partial-date";
import type { Relation } from "../../lib/domain/relation";
import type { SourceKind } from "../../lib/domain/source-kind";

export const ARTICLE_FILE = "microsoft-ice-article.txt";

export interface SeedUser {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface SeedStory {
  id: string;
  slug: string;
  title: string;
  summary: string;
}

export interface SeedClaimant {
  id: string;
  name: string;
  kind: ClaimantKind;
  description: string;
}

export interface SeedSource {
  id: string;
  title: string;
  publisher: string | null;
  kind: SourceKind;
  description: string;
  /** Only the article has text we hold; the seed reads it from ARTICLE_FILE. */
  capturesArticle: boolean;
}

export interface SeedLink {
  sourceId: string;
  relation: Relation;
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  note: string | null;
}

export interface SeedClaim {
  id: string;
  text: string;
  summary: string;
  claimantId: string;
  claimDate: Date | null;
  claimDatePrecision: DatePrecision;
  status: ClaimStatus;
  statusReason: string;
  links: SeedLink[];
}

export interface SeedAnnotation {
  id: string;
  claimId: string;
  body: string;
}

/** A team, not a person: the seed's notes and history need an author, and no one wrote them by hand. */
export const researchDesk: SeedUser = {
  id: "factline-research-desk",
  name: "Factline research desk",
  email: "research-desk@factline.invalid",
  role: "reviewer",
};

export const story: SeedStory = {
  id: "microsoft-ice-surveillance",
  slug: "microsoft-ice-surveillance",
  title: "Microsoft denies ICE uses its technology for mass surveillance",
  summary:
    "Microsoft told Reuters that its policies and terms of service do not allow its technology to be used for the mass surveillance of civilians, and that it does not believe U.S. Immigration and Customs Enforcement (ICE) is engaged in such activity. The statement followed a Guardian investigation, based on leaked internal documents, reporting that ICE sharply increased the data it stores on Microsoft's Azure cloud. ICE told Reuters it would not comment on specific tools. Everything here comes from a single article that names no publisher or author and relays these statements and reports second-hand; none has yet been checked against its original.",
};

const SOURCE = {
  article: "microsoft-ice-article",
  reuters: "reuters-microsoft-ice",
  guardian: "guardian-ice-azure",
  dellAward: "award-dell-ice-2025",
  attAward: "award-att-ice-2021",
  palantirAward: "award-palantir-ice-2022",
} as const;

const CLAIMANT = {
  microsoft: "microsoft",
  guardian: "the-guardian",
  ice: "ice",
  article: "article-publisher-not-named",
} as const;

export const claimants: SeedClaimant[] = [
  {
    id: CLAIMANT.microsoft,
    name: "Microsoft",
    kind: "organization",
    description:
      "Technology company. Its statements here reach us through the article's account of a spokesperson's statement to Reuters.",
  },
  {
    id: CLAIMANT.guardian,
    name: "The Guardian",
    kind: "organization",
    description:
      "News organisation whose investigation, based on leaked internal documents, the article summarises.",
  },
  {
    id: CLAIMANT.ice,
    name: "ICE (U.S. Immigration and Customs Enforcement)",
    kind: "organization",
    description:
      "U.S. federal immigration enforcement agency, a component of the Department of Homeland Security (DHS). Its statement here reaches us through the article's account of what ICE officials told Reuters.",
  },
  {
    // The contract figures are stated in the article with no source, and the companies are
    // not quoted: attributing them to Dell, AT&T or Palantir would put words in their mouths.
    id: CLAIMANT.article,
    name: "The article (publisher not named)",
    kind: "organization",
    description:
      "The outlet behind \"Microsoft Denies ICE Using Its Technology for Mass Surveillance of Civilians\". The article names no publisher or author. It states ICE's contract figures without citing a source, so they are recorded as the article's own claims.",
  },
];

export const sources: SeedSource[] = [
  {
    id: SOURCE.article,
    title: "Microsoft Denies ICE Using Its Technology for Mass Surveillance of Civilians",
    publisher: null,
    kind: "news-report",
    description:
      "The article this story was built from. It names no publisher, author or publication date and gives no link; its text was captured as received. It relays Microsoft's and ICE's statements from Reuters and The Guardian's findings, and states ICE's contract figures without a source.",
    capturesArticle: true,
  },
  {
    id: SOURCE.reuters,
    title: "Reuters report carrying Microsoft's and ICE's statements on ICE's use of Microsoft technology",
    publisher: "Reuters",
    kind: "news-report",
    description:
      "The Reuters report the article cites for Microsoft's spokesperson statement and ICE's response. The article gives no headline, date, author or link, so this title is ours and describes the report; the report itself has not been retrieved.",
    capturesArticle: false,
  },
  {
    id: SOURCE.guardian,
    title: "The Guardian's investigation into ICE's use of Microsoft's Azure cloud",
    publisher: "The Guardian",
    kind: "news-report",
    description:
      "The Guardian investigation the article summarises, which it says was based on leaked internal documents. The article gives no headline, date, author or link, so this title is ours. We have seen neither the investigation nor the documents.",
    capturesArticle: false,
  },
  {
    id: SOURCE.dellAward,
    title: "Federal award record: Dell Technologies, ICE, April 2025",
    publisher: null,
    kind: "contract-record",
    description:
      "The federal contract award record for the April 2025 award to Dell Technologies for Microsoft Enterprise software licenses for ICE's chief information officer office. Not yet retrieved: no link and no captured text.",
    capturesArticle: false,
  },
  {
    id: SOURCE.attAward,
    title: "Federal award record: AT&T, ICE, 2021",
    publisher: null,
    kind: "contract-record",
    description:
      "The federal contract award record for AT&T's 2021 ICE contract for IT and network solutions, including its options through 2032. Not yet retrieved: no link and no captured text.",
    capturesArticle: false,
  },
  {
    id: SOURCE.palantirAward,
    title: "Federal award record: Palantir Technologies, ICE, 2022",
    publisher: null,
    kind: "contract-record",
    description:
      "The federal contract award record for Palantir Technologies' 2022 ICE contract for investigative case management. Not yet retrieved: no link and no captured text.",
    capturesArticle: false,
  },
];

const RELAYED_FROM_REUTERS =
  "As the article relays Reuters' report; not yet checked against Reuters' own text.";
const RELAYED_FROM_GUARDIAN =
  "The article's summary of the Guardian's investigation; the Guardian's own wording not yet seen.";
const AWARD_RECORD_NOTE =
  "The federal award record would settle this figure (recipient, amount, date and any options). Not yet retrieved.";

/** The same words, exact, on the article and (as relayed) on the source the article credits. */
function articleLink(quote: string, quotePrefix: string | null, quoteSuffix: string | null): SeedLink {
  return { sourceId: SOURCE.article, relation: "appears-in", quote, quotePrefix, quoteSuffix, note: null };
}

function relayedLink(sourceId: string, quote: string, note: string): SeedLink {
  // No prefix or suffix: they would have to come from the cited report's text, which we lack.
  return { sourceId, relation: "appears-in", quote, quotePrefix: null, quoteSuffix: null, note };
}

function awardLink(sourceId: string): SeedLink {
  return { sourceId, relation: "context", quote: "", quotePrefix: null, quoteSuffix: null, note: AWARD_RECORD_NOTE };
}

const UNSOURCED_FIGURE =
  "The article states this figure without citing any source, and we have not seen the record.";

const Q = {
  terms:
    "Microsoft policies and terms of service do not allow our technology to be used for the mass surveillance of civilians",
  belief: "we do not believe ICE is engaged in such activity",
  partners:
    "Microsoft provides cloud-based productivity and collaboration tools to DHS, of which ICE is a component, delivered through our key partners",
  boundaries:
    "Congress, the executive branch, and the courts should establish clear legal boundaries regarding how law enforcement agencies can utilize emerging technologies",
  azure:
    "ICE more than tripled the volume of data stored on Microsoft's Azure cloud platform during the six-month period leading up to January 2026",
  coincided:
    "This expansion coincided with substantial budget increases and workforce growth within the immigration enforcement agency",
  tools:
    "ICE appeared to be utilizing multiple Microsoft productivity tools alongside AI-based products to search and analyze data stored on the Azure platform",
  israel:
    "the company acknowledged disabling certain services being used by an Israeli military unit after preliminary evidence emerged supporting media investigations about mass surveillance of Palestinian phone communications",
  iceResponse:
    "the agency would not comment on specific investigative techniques, tools, or technologies used in ongoing criminal investigations. However, they confirmed that ICE utilizes various technologies to assist in criminal apprehensions",
  dell: "Dell Technologies: Awarded $18.8 million in April 2025 to support ICE's chief information officer office through Microsoft Enterprise software license purchases",
  att: "AT&T: Received $90.7 million in 2021 to supply IT and network solutions with support services, with potential contract extension until 2032 that could increase total value to $165.2 million",
  palantir:
    "Palantir Technologies: Secured a $139.3 million contract in 2022 for investigative case management operations, maintenance support, and custom enhancements",
} as const;

export const claims: SeedClaim[] = [
  {
    id: "microsoft-terms-forbid-mass-surveillance",
    text: Q.terms,
    summary:
      "Microsoft says its policies and terms of service bar use of its technology for mass surveillance of civilians",
    claimantId: CLAIMANT.microsoft,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Checkable against Microsoft's published policies and terms of service, which the article neither quotes nor links and we have not yet reviewed. All we hold is the article's report that a Microsoft spokesperson said it to Reuters.",
    links: [
      articleLink(Q.terms, 'The spokesperson further elaborated: "', ", and we do not believe ICE"),
      relayedLink(SOURCE.reuters, Q.terms, RELAYED_FROM_REUTERS),
    ],
  },
  {
    id: "microsoft-doubts-ice-mass-surveillance",
    text: Q.belief,
    summary: "Microsoft says it does not believe ICE is engaged in mass surveillance of civilians",
    claimantId: CLAIMANT.microsoft,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Microsoft's belief itself cannot be checked, but the fact it implies can: whether ICE conducts mass surveillance of civilians. The article gives no evidence either way; the Guardian's reported findings concern data volume and search tools, not surveillance of civilians.",
    links: [
      articleLink(Q.belief, "used for the mass surveillance of civilians, and ", '."'),
      relayedLink(SOURCE.reuters, Q.belief, RELAYED_FROM_REUTERS),
    ],
  },
  {
    id: "microsoft-supplies-dhs-through-partners",
    text: Q.partners,
    summary:
      "Microsoft says it supplies cloud productivity and collaboration tools to DHS, including ICE, through partners",
    claimantId: CLAIMANT.microsoft,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Consistent with the article's report of a Dell award for Microsoft Enterprise licenses for ICE, itself unverified; ICE's reported use of Azure storage and AI products may go beyond \"productivity and collaboration tools\". Settled by DHS and ICE award records naming Microsoft products and the partners that supply them.",
    links: [
      articleLink(Q.partners, "\"As we've previously stated, ", '," a Microsoft spokesperson told Reuters'),
      relayedLink(SOURCE.reuters, Q.partners, RELAYED_FROM_REUTERS),
    ],
  },
  {
    id: "microsoft-calls-for-legal-boundaries",
    text: Q.boundaries,
    summary:
      "Microsoft says Congress, the executive and the courts should set legal limits on law enforcement's use of new tech",
    claimantId: CLAIMANT.microsoft,
    claimDate: null,
    claimDatePrecision: "day",
    status: "not-checkable",
    statusReason:
      "A recommendation about what Congress, the executive branch and the courts should do: an opinion, not a fact evidence could settle. The article paraphrases it and does not quote Microsoft's words.",
    links: [
      articleLink(Q.boundaries, "suggesting that ", "."),
      relayedLink(
        SOURCE.reuters,
        Q.boundaries,
        "The article's paraphrase, within its account of Reuters' report; it does not say Microsoft made this call to Reuters, nor quote its words. Not yet checked against Reuters.",
      ),
    ],
  },
  {
    id: "ice-tripled-azure-data",
    text: Q.azure,
    summary:
      "The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026",
    claimantId: CLAIMANT.guardian,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Rests on leaked internal documents the Guardian reports and we have not seen; we hold only this article's summary of the investigation. Settled by the Guardian's published report and the Azure storage figures behind it.",
    links: [
      articleLink(Q.azure, "According to The Guardian's investigation, ", ". This expansion coincided"),
      relayedLink(SOURCE.guardian, Q.azure, RELAYED_FROM_GUARDIAN),
    ],
  },
  {
    id: "ice-azure-growth-matched-budget-and-staff",
    text: Q.coincided,
    summary:
      "The Guardian reports ICE's growth on Azure coincided with budget increases and workforce growth at the agency",
    claimantId: CLAIMANT.guardian,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Depends on the Guardian's unverified Azure figure and on ICE budget and staffing numbers the article does not give. Settled by the Guardian's report and ICE's appropriations and staffing figures for the period.",
    links: [
      articleLink(Q.coincided, "leading up to January 2026. ", "."),
      relayedLink(
        SOURCE.guardian,
        Q.coincided,
        "The article states this straight after the Guardian's figure, within its account of the investigation, so it is attributed to the Guardian; the Guardian's own wording not yet seen.",
      ),
    ],
  },
  {
    id: "ice-used-microsoft-ai-tools-on-azure-data",
    text: Q.tools,
    summary:
      "The Guardian reports ICE appeared to use Microsoft productivity tools and AI products to search and analyse Azure data",
    claimantId: CLAIMANT.guardian,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason:
      "Hedged even as reported (\"appeared to be\"), and the article names neither the tools nor the AI products. Settled by the Guardian's report and the documents it describes, which we have not seen.",
    links: [
      articleLink(Q.tools, "The report further indicated that ", ", raising questions about the scope"),
      relayedLink(SOURCE.guardian, Q.tools, RELAYED_FROM_GUARDIAN),
    ],
  },
  {
    id: "microsoft-disabled-israeli-unit-services",
    text: Q.israel,
    summary:
      "Microsoft said it disabled services used by an Israeli military unit after preliminary evidence of mass surveillance",
    claimantId: CLAIMANT.microsoft,
    claimDate: new Date(Date.UTC(2025, 8, 1)),
    claimDatePrecision: "month",
    status: "unverified",
    statusReason:
      "The article names no source for Microsoft's acknowledgement. Settled by Microsoft's own September 2025 statement and the media investigations it answered, none of which we have retrieved.",
    links: [articleLink(Q.israel, "In September 2025, ", ".")],
  },
  {
    id: "ice-declines-to-comment-on-tools",
    text: Q.iceResponse,
    summary:
      "ICE declined to comment on specific investigative tools, saying only that it uses various technologies",
    claimantId: CLAIMANT.ice,
    claimDate: null,
    claimDatePrecision: "day",
    status: "not-checkable",
    statusReason:
      "A refusal to comment on specific tools, plus a general statement that ICE uses \"various technologies\" for criminal apprehensions: nothing specific enough for evidence to settle.",
    links: [
      articleLink(Q.iceResponse, "ICE officials told Reuters that ", ", without providing detailed specifications"),
      relayedLink(SOURCE.reuters, Q.iceResponse, RELAYED_FROM_REUTERS),
    ],
  },
  {
    id: "dell-ice-microsoft-licenses-2025",
    text: Q.dell,
    summary:
      "Dell Technologies was awarded $18.8M in April 2025 for Microsoft Enterprise licenses for ICE's CIO office",
    claimantId: CLAIMANT.article,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason: `${UNSOURCED_FIGURE} Settled by the federal award record for Dell Technologies' April 2025 ICE award.`,
    links: [articleLink(Q.dell, null, null), awardLink(SOURCE.dellAward)],
  },
  {
    id: "att-ice-network-contract-2021",
    text: Q.att,
    summary:
      "AT&T received $90.7M in 2021 for ICE IT and network services; an extension to 2032 could bring it to $165.2M",
    claimantId: CLAIMANT.article,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason: `${UNSOURCED_FIGURE} Settled by the federal award record for AT&T's 2021 ICE contract, which shows the amount obligated and the potential total with options through 2032.`,
    links: [articleLink(Q.att, null, null), awardLink(SOURCE.attAward)],
  },
  {
    id: "palantir-ice-case-management-2022",
    text: Q.palantir,
    summary: "Palantir Technologies secured a $139.3M ICE contract in 2022 for investigative case management",
    claimantId: CLAIMANT.article,
    claimDate: null,
    claimDatePrecision: "day",
    status: "unverified",
    statusReason: `${UNSOURCED_FIGURE} Settled by the federal award record for Palantir Technologies' 2022 ICE contract for investigative case management.`,
    links: [articleLink(Q.palantir, null, null), awardLink(SOURCE.palantirAward)],
  },
];

export const annotations: SeedAnnotation[] = [
  {
    id: "note-request-reuters-statements",
    claimId: "microsoft-terms-forbid-mass-surveillance",
    body: "Find the Reuters report (headline, date, link) or ask Reuters for the full text of Microsoft's and ICE's statements. The article relays them without any of these, so every quote on the Reuters source is the article's version, not yet checked against Reuters.",
  },
  {
    id: "note-such-activity-undefined",
    claimId: "microsoft-doubts-ice-mass-surveillance",
    body: "\"Such activity\" refers back to \"the mass surveillance of civilians\" in the same sentence. Neither the statement nor the article defines mass surveillance, so any check needs to pin down what would count.",
  },
  {
    id: "note-guardian-documents-unseen",
    claimId: "ice-tripled-azure-data",
    body: "We have seen neither the Guardian's investigation nor the leaked documents it is based on. Find the published report and check how the volume was measured (which dates, stored data or usage) before moving this claim on.",
  },
  {
    id: "note-where-award-records-are",
    claimId: "dell-ice-microsoft-licenses-2025",
    body: "Federal award records are published in the Federal Procurement Data System and on USAspending. Look up ICE awards to Dell Technologies (April 2025), AT&T (2021) and Palantir Technologies (2022); note the award ID, amount obligated and potential total value, and capture each record on its contract-record source.",
  },
  {
    id: "note-att-potential-value",
    claimId: "att-ice-network-contract-2021",
    body: "The $165.2 million is a potential total if the contract is extended to 2032, not money paid. Check the record's obligated amount against its potential value before either figure is repeated.",
  },
];
