// 创作者相互引流 (#14): a creator page's 合作达人 row with follow buttons, an item page's co-creator credits,
// visits through either counted as collab traffic, and the ranker's small, explained boost for collaborators
// of the creators a user follows.
import { readFileSync, readdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, cards, writableApi, recordEvents } from "./fixtures";

const PACK = "demo/api/v1";
type Ref = { id: string; name: string; reason?: string };
const creators: Map<string, { id: string; name: string; collabs?: Ref[] }> = new Map(
  readdirSync(`${PACK}/creators`)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(`${PACK}/creators/${f}`, "utf8")).creator)
    .map((c) => [c.id, c]),
);
const items: { id: string; creator: { id: string }; co_creators?: Ref[] }[] = readdirSync(`${PACK}/items`).map(
  (f) => JSON.parse(readFileSync(`${PACK}/items/${f}`, "utf8")).item,
);
const creatorOf = new Map(items.map((i) => [i.id, i.creator.id]));
const collabsOf = (id: string) => creators.get(id)?.collabs ?? [];

test("a creator page lists its 合作达人 with follow buttons, and a visit from there counts as collab traffic", async ({ page, errors }) => {
  await writableApi(page);
  const batches = await recordEvents(page);
  const host = [...creators.values()].find((c) => collabsOf(c.id).length >= 2 && collabsOf(c.id).some((p) => p.reason === "kindred"))!;
  await page.goto(`/creator/${host.id}`);
  const row = page.getByTestId("collabs");
  await expect(row.locator("li")).toHaveCount(collabsOf(host.id).length);
  await expect(page.getByRole("heading", { name: "合作达人" })).toBeVisible();
  for (const p of collabsOf(host.id)) {
    const tile = row.locator(`li[data-id="${p.id}"]`);
    await expect(tile.locator(".creator-tile-name")).toHaveText(p.name);
    await expect(tile.locator(".creator-tile-tag")).toHaveText(p.reason === "kindred" ? "同好" : "合作");
    await expect(tile.getByRole("button", { name: `关注 ${p.name}` })).toBeVisible();
  }
  // Follow a collaborator from the row, by keyboard: the button flips at once and the follow survives a reload.
  const partner = collabsOf(host.id)[0];
  const follow = row.locator(`li[data-id="${partner.id}"]`).getByTestId("follow-button");
  await page.route("**/api/v1/follows", (route) => route.fulfill({ status: 200, contentType: "application/json", body: "{}" }));
  await follow.focus();
  await page.keyboard.press("Enter");
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(row.locator(`li[data-id="${partner.id}"]`).getByTestId("follow-button")).toHaveAttribute("aria-pressed", "true");
  // Open the partner: its link says where it came from, and its own page lists the host back (mutual).
  await row.locator(`li[data-id="${partner.id}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`/creator/${partner.id}\\?src=collab$`));
  await expect(page.getByTestId("creator-page")).toHaveAttribute("data-id", partner.id);
  await expect(page.getByTestId("collabs").locator(`li[data-id="${host.id}"]`)).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => JSON.stringify(batches)).toContain("collab");
  const visits = batches.flatMap((b) => b.events).map((e: any) => [e.source, e.creator, e.item ?? null]);
  expect(visits).toContainEqual(["collab", partner.id, null]);
  // In English.
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "Collaborators" })).toBeVisible();
  await expect(page.getByTestId("collabs").locator(".creator-tile-tag").first()).toHaveText(/^(Worked together|Kindred spirit)$/);
});

test("an item page credits its co-creators; a credit opens their page as collab traffic, counted in the studio", async ({ page, errors }) => {
  await writableApi(page);
  const batches = await recordEvents(page);
  const item = items.find((i) => (i.co_creators ?? []).length > 0)!;
  const co = item.co_creators![0];
  await page.goto(`/item/${item.id}`);
  const credits = page.getByTestId("co-creators");
  await expect(credits).toContainText("共同创作");
  await expect(credits.getByRole("link", { name: co.name })).toHaveAttribute("href", `/creator/${co.id}?src=collab`);
  await credits.getByRole("link", { name: co.name }).click();
  await expect(page.getByTestId("creator-page")).toHaveAttribute("data-id", co.id);
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => batches.length).toBe(1);
  const events = batches[0].events.map((e: any) => [e.source, e.creator, e.item ?? null]);
  expect(events).toEqual([
    ["direct", item.creator.id, item.id],
    ["collab", co.id, null],
  ]);
  // The studio's chart names the source, from the pack's 30 days and this device's visits.
  await page.getByTestId("studio-link").click();
  await expect(page.getByTestId("studio")).toContainText("合作引流");
  await expect(page.getByTestId("traffic-device")).toContainText("合作引流 1");
  // Items without credits show none.
  const plain = items.find((i) => !i.co_creators)!;
  await page.goto(`/item/${plain.id}`);
  await expect(page.getByTestId("item-page")).toBeVisible();
  await expect(page.getByTestId("co-creators")).toHaveCount(0);
});

/** Positions of every laid-out card by id, scrolling through the windowed grid. */
async function laidOut(page: Page, depth: number) {
  const all: Record<string, number> = {};
  const vh = await page.evaluate(() => window.innerHeight);
  for (let y = 0; y <= depth; y += vh / 2) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(120);
    Object.assign(
      all,
      await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLElement>("[data-testid=card]")].map((e) => [e.dataset.id!, e.getBoundingClientRect().top + window.scrollY]),
        ),
      ),
    );
  }
  return all;
}

test("following a creator lifts their collaborators a little, and why says 你关注的 X 的合作达人", async ({ page, errors }) => {
  // The followed creator: one whose collaborators have items on the feed's first two pages.
  const feed = [1, 2].flatMap((n) => JSON.parse(readFileSync(`${PACK}/feed/recommend/${n}.json`, "utf8")).items.map((i: any) => i.id as string));
  const followed = [...creators.values()]
    .map((c) => ({ c, lifted: feed.slice(8).filter((id) => collabsOf(c.id).some((p) => p.id === creatorOf.get(id))).length }))
    .filter(({ c, lifted }) => lifted >= 2 && !feed.slice(0, 8).some((id) => creatorOf.get(id) === c.id))
    .sort((a, b) => b.lifted - a.lifted)[0].c;
  await page.goto(`/creator/${followed.id}`);
  await page.getByTestId("creator-page").getByTestId("follow-button").click();
  await expect(page.getByTestId("creator-page").getByTestId("follow-button")).toHaveAttribute("aria-pressed", "true");
  await page.locator("a[href='/']").first().click();
  await expect(cards(page).first()).toBeVisible();
  await page.waitForTimeout(800);
  const positions = await laidOut(page, 3000);
  const partners = new Set(collabsOf(followed.id).map((p) => p.id));
  const lifted = Object.keys(positions)
    .filter((id) => partners.has(creatorOf.get(id)!))
    .sort((a, b) => positions[a] - positions[b]);
  expect(lifted.length).toBeGreaterThan(0);
  const menu = page.getByTestId("item-menu");
  let said = "";
  for (const id of lifted.slice(0, 4)) {
    await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), positions[id]);
    const card = page.locator(`[data-id="${id}"]`);
    await card.getByTestId("card-more").click();
    await menu.getByTestId("menu-why").click();
    const text = await menu.innerText();
    await menu.getByTestId("menu-close").click();
    if (text.includes("的合作达人")) {
      said = text;
      break;
    }
  }
  expect(said).toContain(`你关注的 ${followed.name} 的合作达人`);
});
