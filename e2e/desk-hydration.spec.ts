import { expect, test, type Page } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

// React hydrates the HTML the server sent. Where the browser's parser builds another page from it
// (a form inside a p: the form's start tag closes the p), React reports error 418 and renders the
// whole page again in the browser, dropping anything typed before its scripts arrived: an editor
// who chose a status and wrote a reason on a slow connection saved the old status with a new
// reason, and readers were told the reasoning changed while the rating stayed (helper's report,
// 5 December 2026).

/** A claim recorded for this spec, with a linked source and a note of the editor's own: the workspace's every form. */
async function workspaceWithEverything(page: Page): Promise<string> {
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill("The ferry carried 2,000 passengers a day in 2025.");
  await page.getByLabel("Summary").fill(unique("Ferry carried 2,000 a day"));
  await page.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page).toHaveURL(/\/desk\/claims\/[^/?]+\?/);
  const url = page.url().split("?")[0]!;
  const link = page.getByRole("form", { name: "Link a source" });
  await link.getByLabel("Source").selectOption({ index: 1 });
  await link.getByLabel("How it relates").selectOption({ label: "Context" });
  await link.getByRole("button", { name: "Link source" }).click();
  await expect(page.getByRole("button", { name: /^Unlink/ }).first()).toBeVisible();
  const note = page.getByRole("form", { name: "Add a note" });
  await note.getByLabel("Your note").fill("Ask the port for its daily counts.");
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("button", { name: "Delete note" })).toBeVisible();
  return url;
}

/** React's own errors while `path` loads and hydrates ("Minified React error #418" and the like). */
async function pageErrors(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  const onError = (error: Error) => errors.push(`${path}: ${error.message.slice(0, 160)}`);
  page.on("pageerror", onError);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("pageerror", onError);
  return errors;
}

test("desk and reader pages hydrate the very page the server sent", async ({ page, browser }) => {
  // Twenty-four pages, each loaded to network idle: about 45 s on an idle machine, more beside
  // the other workers. A hang guard, not a speed target.
  test.slow();
  await signIn(page, "editor");
  const workspace = new URL(await workspaceWithEverything(page)).pathname;
  const id = workspace.split("/").pop()!;
  const desk = [
    workspace,
    `/desk/claims/${id}/edit`,
    "/desk",
    "/desk/queue",
    "/desk/claims/new",
    "/desk/sources",
    "/desk/sources/microsoft-ice-article/edit",
    "/desk/sources/microsoft-ice-article/finder",
    "/desk/stories",
    "/desk/stories/microsoft-ice-surveillance/edit",
    "/desk/claimants/microsoft/edit",
    "/desk/export",
    "/desk/insights",
    "/desk/search?q=azure",
  ];
  const errors: string[] = [];
  for (const path of desk) errors.push(...(await pageErrors(page, path)));

  const reader = await (await browser.newContext()).newPage();
  for (const path of ["/", "/claims", "/claims/ice-tripled-azure-data", "/sources/microsoft-ice-article", "/stories/microsoft-ice-surveillance", "/claimants", "/claimants/microsoft", "/corrections", "/open-data", "/search?q=azure"]) {
    errors.push(...(await pageErrors(reader, path)));
  }
  await reader.context().close();
  expect(errors).toEqual([]);
});

test("a status chosen and a reason written before the workspace's scripts arrive are kept when they do", async ({ page }) => {
  await signIn(page, "editor");
  const workspace = await workspaceWithEverything(page);
  // A slow connection: the page's scripts arrive a while after its HTML.
  let release: () => void = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(workspace, { waitUntil: "domcontentloaded" });
  const form = page.getByRole("form", { name: "Change the status" });
  await form.getByLabel("Status").selectOption({ value: "unsupported" });
  await form.getByLabel("Reason").fill("The port's daily counts do not show it.");
  release();
  await page.waitForLoadState("networkidle");
  // Hydrated: React has taken the form over (its fiber is on the element).
  await page.waitForFunction(() => Object.keys(document.querySelector("textarea[name='reason']") ?? {}).some((key) => key.startsWith("__reactFiber")));
  await expect(form.getByLabel("Status")).toHaveValue("unsupported");
  await expect(form.getByLabel("Reason")).toHaveValue("The port's daily counts do not show it.");
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Reason for the status: The port's daily counts do not show it.")).toBeVisible();
});
