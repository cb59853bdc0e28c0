// Writes the schema.org subset that lib/claimreview.test.ts checks our JSON-LD against:
//   npx tsx scripts/make-schemaorg-fixture.ts <dir with the release 30.0 CSV tables> [output.json]
// The full tables are 3 MB and live outside the project; tests must not read them, so only the
// types and properties the check needs are copied, with their source and licence.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const RELEASE = "30.0";
const TYPES_FILE = `schemaorg-${RELEASE}-current-https-types.csv`;
const PROPERTIES_FILE = `schemaorg-${RELEASE}-current-https-properties.csv`;
const DEFAULT_OUTPUT = path.join(import.meta.dirname, "..", "lib", "testing", "fixtures", `schemaorg-${RELEASE}-subset.json`);
const SCHEMA = "https://schema.org/";

/** The types lib/claimreview.ts emits; their supertypes are added. */
const TYPES = [
  "ClaimReview",
  "Review",
  "CreativeWork",
  "Thing",
  "Claim",
  "Rating",
  "CorrectionComment",
  "Comment",
  "Organization",
  "Person",
];
/** The literal types the test's checker knows how to recognise. */
const DATA_TYPES = ["Text", "URL", "Date", "DateTime", "Number", "Integer"];
/**
 * The properties lib/claimreview.ts emits, plus a few ClaimReview publishers commonly add, so
 * adding one of those is not blocked on regenerating this file.
 */
const PROPERTIES = [
  "url",
  "name",
  "alternateName",
  "text",
  "author",
  "publisher",
  "datePublished",
  "dateModified",
  "claimReviewed",
  "itemReviewed",
  "reviewRating",
  "ratingValue",
  "bestRating",
  "worstRating",
  "ratingExplanation",
  "firstAppearance",
  "appearance",
  "correction",
  "description",
  "headline",
  "inLanguage",
  "reviewBody",
  "sameAs",
];

type Row = Record<string, string>;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readTable(file: string): Map<string, Row> {
  const rows = parse(fs.readFileSync(file), { columns: true }) as Row[];
  return new Map(rows.map((row) => [row.label ?? "", row]));
}

/** Splits a "https://schema.org/A, https://schema.org/B" cell into ["A", "B"]. */
function labels(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "")
    .map((id) => (id.startsWith(SCHEMA) ? id.slice(SCHEMA.length) : id));
}

function row(table: Map<string, Row>, label: string, file: string): Row {
  return table.get(label) ?? fail(`${label} is not in ${file}`);
}

function main(): void {
  const [dir, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  if (!dir) fail("Usage: npx tsx scripts/make-schemaorg-fixture.ts <schemaorg dir> [output.json]");
  const typesFile = path.join(dir, TYPES_FILE);
  const propertiesFile = path.join(dir, PROPERTIES_FILE);
  const types = readTable(typesFile);
  const properties = readTable(propertiesFile);

  const dataTypes = new Set<string>();
  const pending = labels(row(types, "DataType", TYPES_FILE).subTypes);
  while (pending.length > 0) {
    const label = pending.pop() ?? "";
    if (dataTypes.has(label)) continue;
    dataTypes.add(label);
    pending.push(...labels(types.get(label)?.subTypes));
  }
  for (const label of DATA_TYPES) {
    if (!dataTypes.has(label)) fail(`${label} is not a schema.org DataType`);
  }

  const typeRows: Record<string, { subTypeOf: string[]; isPartOf?: string }> = {};
  const queue = [...TYPES, ...DATA_TYPES];
  while (queue.length > 0) {
    const label = queue.shift() ?? "";
    if (label in typeRows) continue;
    const source = row(types, label, TYPES_FILE);
    const subTypeOf = labels(source.subTypeOf);
    typeRows[label] = { subTypeOf, ...(source.isPartOf ? { isPartOf: source.isPartOf } : {}) };
    queue.push(...subTypeOf);
  }

  const propertyRows: Record<string, { domainIncludes: string[]; rangeIncludes: string[]; isPartOf?: string }> = {};
  for (const label of PROPERTIES) {
    const source = row(properties, label, PROPERTIES_FILE);
    if (source.supersededBy) fail(`${label} is superseded by ${source.supersededBy}`);
    propertyRows[label] = {
      domainIncludes: labels(source.domainIncludes),
      rangeIncludes: labels(source.rangeIncludes),
      ...(source.isPartOf ? { isPartOf: source.isPartOf } : {}),
    };
  }

  const fixture = {
    about:
      "A subset of the schema.org vocabulary: the types and properties lib/claimreview.test.ts checks ClaimReview JSON-LD against. Names are schema.org labels (https://schema.org/<label>); isPartOf marks terms outside the core (pending.schema.org).",
    source: `schema.org release ${RELEASE}, data/releases/${RELEASE}/ of https://github.com/schemaorg/schemaorg`,
    files: [TYPES_FILE, PROPERTIES_FILE],
    licence: "schema.org vocabulary, CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)",
    generatedBy: "npx tsx scripts/make-schemaorg-fixture.ts <dir with the two files>",
    dataTypes: DATA_TYPES,
    types: typeRows,
    properties: propertyRows,
  };
  fs.writeFileSync(output, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(typeRows).length} types and ${PROPERTIES.length} properties to ${output}`);
}

main();
