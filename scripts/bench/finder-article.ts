// A long article for the claim finder's bench row (`npm run bench`): about 20,000 words of news
// prose, generated the same way every time, with what the finder looks for (figures, money,
// percentages, dates, changes, attributions, quotes, denials) in a fraction of its sentences and
// plain narrative in the rest, as a long investigation reads.

const PLACES = ["Northgate", "the harbour district", "Eastfield", "the county", "Riverside", "the old port"];
const PEOPLE = ["Mayor Ana Ruiz", "Councillor Tom Baker", "Dr. Priya Nair", "the finance director", "a ministry spokesperson", "Inspector Lena Holt"];
const BODIES = ["the transport authority", "the city council", "the health board", "the ministry of finance", "the port company", "the audit office"];

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const CHECKABLE = [
  (n: number) => `The budget for ${PLACES[n % 6]} rose to $${(n % 90) + 10}.${n % 10} million in ${2015 + (n % 11)}, according to documents seen by this newspaper.`,
  (n: number) => `Spending on repairs more than tripled between ${2010 + (n % 8)} and ${2019 + (n % 6)}, ${BODIES[n % 6]} said in a statement.`,
  (n: number) => `“We have never signed a contract of that kind,” said ${PEOPLE[n % 6]}, who denied that the tender had been rushed.`,
  (n: number) => `Unemployment in ${PLACES[(n + 2) % 6]} fell by ${(n % 9) + 1}.${n % 7} percent in the year to March ${2018 + (n % 7)}.`,
  (n: number) => `${capitalised(BODIES[(n + 1) % 6]!)} would not comment on the ${(n % 40) + 3} complaints filed since ${2020 + (n % 5)}.`,
  (n: number) => `The number of inspections dropped from ${(n % 500) + 200} to ${(n % 150) + 20} over five years, the largest fall in the region.`,
];

const NARRATIVE: ((n: number) => string)[] = [
  (n: number) => `Residents of ${PLACES[n % 6]} gathered in the community hall on a cold evening to hear what would happen next.`,
  () => `The road past the school winds down towards the water, where fishing boats still tie up beside the warehouses.`,
  () => `Several people who spoke at the meeting asked for more time to read the plans before any decision was taken.`,
  (n: number) => `In the weeks that followed, the debate moved from the council chamber to kitchen tables across ${PLACES[(n + 3) % 6]}.`,
  () => `Those who have lived here longest remember when the market filled the square every Saturday morning.`,
  () => `The documents run to many pages, and much of what they describe is routine work on roads, drains and lighting.`,
];

/** About `words` words, in paragraphs of five sentences, one in three of them checkable. */
export function finderArticle(words = 20_000): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (let n = 0; count < words; n++) {
    const sentences = Array.from({ length: 5 }, (_, k) => {
      const i = n * 5 + k;
      return i % 3 === 0 ? CHECKABLE[i % CHECKABLE.length]!(i) : NARRATIVE[i % NARRATIVE.length]!(i);
    });
    const paragraph = sentences.join(" ");
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join("\n\n");
}
