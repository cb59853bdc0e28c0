import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";

test("home, claims list, claim, source, claimant and methodology pages have no serious axe violations", async ({ page }) => {
  test.slow(); // six full axe scans
  await page.goto("/");
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/claims?q=tripled");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("article").first().getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("region", { name: /^Sources/ }).getByRole("heading", { level: 3 }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Claims citing this source/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Claimants" }).click();
  await page.getByRole("main").getByRole("link").first().click();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/methodology");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the keyboard reaches the skip link first, and it moves focus past the header", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // The next Tab lands inside the main content, on the first story link.
  await page.keyboard.press("Tab");
  const focusedInMain = await page.evaluate(() => document.activeElement?.closest("main") !== null);
  expect(focusedInMain).toBe(true);
});

test("on a desk page the skip link passes the desk's menu too, before and after the scripts run", async ({ page, browser }) => {
  await signIn(page, "editor");
  // A desk page, a form, and the pages that stand in for the desk's layout: not found, not allowed.
  for (const path of ["/desk/sources", "/desk/claims/new", "/desk/claims/no-such-claim", "/desk/admin/users"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#desk-content$/);
    // The next Tab lands on the page's own first control, not on the desk's menu or Sign out.
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => ({
      inMain: document.activeElement?.closest("main") !== null,
      inDeskMenu: document.activeElement?.closest("nav[aria-label=Desk]") !== null,
      text: document.activeElement?.textContent?.trim() ?? "",
    }));
    expect(focus).toMatchObject({ inMain: true, inDeskMenu: false });
    expect(focus.text).not.toBe("Sign out");
  }

  // The address is in the page as sent, so it also works where scripts never run.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto("/desk/sources");
  await expect(plain.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#desk-content");
  await plain.goto("/claims");
  await expect(plain.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
  await context.close();
});

test("the desk's pages and forms, with their errors showing, have no serious axe violations", async ({ page }) => {
  test.slow();
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
