/** What "Capture again" says once the new text is saved: how the source's linked quotes fared. */
export function recaptureNotice(finalUrl: string, report: { found: number; unfound: readonly { wasFound: boolean }[] }): string {
  const lost = report.unfound.filter((quote) => quote.wasFound).length;
  const stillMissing = report.unfound.length - lost;
  const said = `Captured again from ${finalUrl}.`;
  if (report.found === 0 && report.unfound.length === 0) return `${said} No claim quotes this source yet.`;
  const parts = [`${report.found} linked ${report.found === 1 ? "quote is" : "quotes are"} in the new text`];
  if (lost) parts.push(`${lost} ${lost === 1 ? "is" : "are"} no longer there`);
  // Not found before either: not in the earlier text, or there was none.
  if (stillMissing) parts.push(`${stillMissing} ${stillMissing === 1 ? "was" : "were"} not found before either`);
  return `${said} ${parts.join("; ")}${report.unfound.length ? " (listed below)." : "."}`;
}
