// The JSON Schemas in docs/schema/ describe the documents the app accepts: the whole demo pack validates,
// and hostile documents do not. Runs with node's built-in test runner.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const schemaDir = "docs/schema";
const ajv = new Ajv2020({ allErrors: true, strict: false });
for (const f of readdirSync(schemaDir)) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, f), "utf8")));
const id = (name) => `https://guang.invalid/schema/v1/${name}.schema.json`;
const check = (name, doc) => {
  const ok = ajv.validate(id(name), doc);
  return ok ? null : ajv.errorsText(ajv.errors);
};
const pack = "demo/api/v1";
const read = (p) => JSON.parse(readFileSync(join(pack, p), "utf8"));
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

test("the demo pack validates against the schemas", () => {
  assert.equal(check("index", read("index.json")), null);
  assert.equal(check("config", JSON.parse(readFileSync("public/config.json", "utf8"))), null);
  const files = walk(pack).filter((f) => f.endsWith(".json")).map((f) => f.slice(pack.length + 1));
  let counted = { feed: 0, item: 0, creator: 0, venue: 0 };
  for (const f of files) {
    if (f === "index.json") continue;
    const doc = read(f);
    const kind = f.startsWith("items/")
      ? "item-document"
      : /^creators\/[^/]+\.json$/.test(f)
        ? "creator-document"
        : /^campaigns\/[^/]+\.json$/.test(f)
          ? "campaign-document"
          : "feed-page";
    assert.equal(check(kind, doc), null, f);
    counted[{ "item-document": "item", "creator-document": "creator", "campaign-document": "venue" }[kind] ?? "feed"]++;
  }
  assert.ok(counted.item >= 600 && counted.creator >= 40 && counted.feed > 40, JSON.stringify(counted));
  assert.equal(counted.venue, read("index.json").campaigns.length, "a venue for every campaign");
});

test("hostile documents fail the schemas", () => {
  const item = read("items/i0001.json");
  const bad = (mutate) => {
    const doc = structuredClone(item);
    mutate(doc.item);
    return check("item-document", doc);
  };
  assert.notEqual(bad((i) => (i.cover.url = "javascript:alert(1)")), null);
  assert.notEqual(bad((i) => (i.cover.url = "data:image/svg+xml,<svg/>")), null);
  assert.notEqual(bad((i) => (i.creator.avatar = "//evil.example/a.png")), null);
  assert.notEqual(bad((i) => (i.title = "x".repeat(201))), null);
  assert.notEqual(bad((i) => (i.id = "../etc")), null);
  assert.notEqual(bad((i) => (i.published_at = "yesterday")), null);
  assert.notEqual(bad((i) => (i.kind = "podcast")), null);
  // Live streams: scheduled (直播预告, started_at the planned start), live or ended; nothing else.
  const live = (status) => (i) => {
    i.kind = "live";
    i.media = { viewers: 0, started_at: "2026-12-12T20:00:00+08:00", status };
  };
  for (const s of ["scheduled", "live", "ended"]) assert.equal(bad(live(s)), null, s);
  for (const s of ["paused", "Scheduled", "upcoming", ""]) assert.notEqual(bad(live(s)), null, s);
  assert.ok(
    walk(join(pack, "items")).some((f) => JSON.parse(readFileSync(f, "utf8")).item.media?.status === "scheduled"),
    "the demo pack has a scheduled stream",
  );
  assert.equal(bad((i) => (i.cover.url = "https://cdn.example.com/a.jpg")), null);
  assert.equal(bad((i) => (i.cover.url = "media/a/b:c.svg")), null);
  // Embeddings: 16 to 32 signed bytes in padded base64, and a scale in (0, 1].
  assert.ok(item.item.embedding, "the demo pack has embeddings");
  const b64 = (n) => Buffer.from(Array.from({ length: n }, (_, k) => k)).toString("base64");
  for (const n of [16, 17, 18, 24, 31, 32]) assert.equal(bad((i) => (i.embedding = { scale: 0.01, q: b64(n) })), null, `${n}`);
  for (const n of [0, 8, 15, 33, 40]) assert.notEqual(bad((i) => (i.embedding = { scale: 0.01, q: b64(n) })), null, `${n}`);
  for (const scale of [0, -0.01, 5, "0.01"]) assert.notEqual(bad((i) => (i.embedding.scale = scale)), null, `${scale}`);
  assert.notEqual(bad((i) => (i.embedding.q = "%".repeat(44))), null);
  assert.notEqual(bad((i) => (i.embedding.q = 12345)), null);
  // Coupons: a code of A-Z 0-9 -, exactly one of amount_off and percent_off (at most 90), and an end.
  const coupon = { code: "GUANG-20", amount_off: 2000, min_spend: 10000, ends_at: "2027-12-31T23:59:59+08:00" };
  const product = { id: "p1", title: "a", price: { amount: 9900, currency: "CNY" }, url: "shop/p1.html" };
  const withCoupon = (c) => bad((i) => (i.products = [{ ...product, coupon: c }]));
  assert.equal(withCoupon(coupon), null);
  assert.equal(withCoupon({ code: "SALE15", percent_off: 15, ends_at: coupon.ends_at }), null);
  assert.notEqual(withCoupon({ ...coupon, code: "<b>free</b>" }), null);
  assert.notEqual(withCoupon({ code: "SALE15", percent_off: 95, ends_at: coupon.ends_at }), null);
  assert.notEqual(withCoupon({ ...coupon, percent_off: 10 }), null, "both kinds");
  assert.notEqual(withCoupon({ code: "SALE15", ends_at: coupon.ends_at }), null, "neither kind");
  assert.notEqual(withCoupon({ code: "SALE15", amount_off: 100 }), null, "no end");
  assert.notEqual(bad((i) => (i.embedding = "AAAA")), null);
  assert.notEqual(bad((i) => delete i.embedding.scale), null);
  assert.equal(bad((i) => delete i.embedding), null, "optional");
  assert.notEqual(check("config", { version: 1, api_base: "api/", embed_origins: ["*"] }), null);
  assert.notEqual(check("feed-page", { version: 2, items: [] }), null);
});

test("creator traffic and campaign topics are typed", () => {
  const creator = read("creators/c01.json");
  assert.ok(creator.creator.traffic, "the demo pack has traffic");
  const badCreator = structuredClone(creator);
  badCreator.creator.traffic.share = -1;
  assert.notEqual(check("creator-document", badCreator), null);
  badCreator.creator.traffic = { share: "many" };
  assert.notEqual(check("creator-document", badCreator), null);
  const index = read("index.json");
  assert.ok(index.campaigns.every((c) => c.topics.length >= 2 && c.topics.length <= 4));
  const badIndex = structuredClone(index);
  badIndex.campaigns[0].topics = ["food", "../x"];
  assert.notEqual(check("index", badIndex), null);
  assert.equal(index.embedding_dim, 32);
  for (const dim of [15, 33, 24.5, "32"]) assert.notEqual(check("index", { ...index, embedding_dim: dim }), null, `${dim}`);
  for (const dim of [16, 32]) assert.equal(check("index", { ...index, embedding_dim: dim }), null, `${dim}`);
});

test("the write request bodies have schemas", () => {
  const follow = { version: 1, creator: "c01", follow: true, key: "k-3f9a2c" };
  assert.equal(check("follow-write", follow), null);
  assert.notEqual(check("follow-write", { ...follow, follow: "yes" }), null);
  assert.notEqual(check("follow-write", { ...follow, creator: "../c01" }), null);
  assert.notEqual(check("follow-write", { ...follow, key: "has space" }), null);
  assert.notEqual(check("follow-write", { version: 1, creator: "c01", follow: true }), null);
  const visit = { id: "e-1", type: "visit", source: "share", creator: "c01", item: "i0042", at: 1764100000 };
  assert.equal(check("events-write", { version: 1, events: [visit] }), null);
  assert.equal(check("events-write", { version: 1, events: [{ ...visit, item: undefined }] }), null);
  assert.notEqual(check("events-write", { version: 1, events: [] }), null);
  assert.notEqual(check("events-write", { version: 1, events: Array(51).fill(visit) }), null);
  assert.notEqual(check("events-write", { version: 1, events: [{ ...visit, source: "ads" }] }), null);
  assert.notEqual(check("events-write", { version: 1, events: [{ ...visit, at: 1.5 }] }), null);
  const { creator, item, ...neither } = visit;
  assert.notEqual(check("events-write", { version: 1, events: [neither] }), null);
  // Fan levels: the visitor's own (1-3, absent for 路人) and the sharer's (0-3).
  assert.equal(check("events-write", { version: 1, events: [{ ...visit, level: 3, via_level: 0 }] }), null);
  for (const bad of [{ level: 0 }, { level: 4 }, { via_level: -1 }, { via_level: 1.5 }, { level: "3" }]) {
    assert.notEqual(check("events-write", { version: 1, events: [{ ...visit, ...bad }] }), null, JSON.stringify(bad));
  }
  assert.equal(check("follow-write", { ...follow, level: 0 }), null);
  assert.notEqual(check("follow-write", { ...follow, level: 4 }), null);
});

test("share traffic by fan level: the demo's creators have it, hostile counts fail", () => {
  const doc = read("creators/c01.json");
  const s = doc.creator.share_by_level;
  assert.ok(s && s.super > 0, "the demo creator has super-fan share traffic");
  assert.equal(s.passerby + s.fan + s.loyal + s.super, doc.creator.traffic.share, "the split adds up to share");
  for (const bad of [{ super: -1 }, { fan: 1.5 }, { loyal: "many" }]) {
    const c = structuredClone(doc);
    Object.assign(c.creator.share_by_level, bad);
    assert.notEqual(check("creator-document", c), null, JSON.stringify(bad));
  }
});

test("campaign venues: the demo's validate, hostile ones do not", () => {
  const venue = read("campaigns/c1212.json");
  assert.ok(read("campaigns/c1212/feed/1.json").items.every((i) => i.campaign === "c1212"));
  const bad = (mutate) => {
    const doc = structuredClone(venue);
    mutate(doc.campaign);
    return check("campaign-document", doc);
  };
  assert.equal(bad(() => {}), null);
  assert.equal(bad((c) => delete c.creators), null, "creators are optional");
  assert.equal(bad((c) => (c.rule.en = "x".repeat(120))), null);
  assert.notEqual(bad((c) => (c.rule.en = "x".repeat(121))), null, "the rule is one short line");
  assert.notEqual(bad((c) => (c.name = "双12")), null, "a name in both languages");
  assert.notEqual(bad((c) => (c.name["zh-CN"] = "  ")), null, "a blank name");
  assert.notEqual(bad((c) => delete c.rule), null);
  assert.notEqual(bad((c) => (c.id = "../c1212")), null);
  assert.notEqual(bad((c) => (c.starts_at = "tomorrow")), null);
  assert.notEqual(bad((c) => (c.ends_at = "9999-12-31T23:59:59Z")), null, "an absurd end");
  assert.notEqual(bad((c) => (c.starts_at = "1970-01-01T00:00:00Z")), null, "an absurd start");
  assert.notEqual(bad((c) => (c.ends_at = 1800000000)), null, "a number where a time belongs");
  assert.notEqual(bad((c) => (c.creators[0].avatar = "javascript:alert(1)")), null);
  assert.notEqual(bad((c) => (c.creators[0].name = 5)), null);
  assert.notEqual(bad((c) => (c.creators = Array(51).fill(c.creators[0]))), null);
  assert.notEqual(bad((c) => (c.topics = ["food", "food"])), null);
  assert.notEqual(bad((c) => (c.topics = ["a/b"])), null);
  assert.notEqual(check("campaign-document", { ...venue, version: 2 }), null);
});

test("cross-promotion: the demo's collaborations are mutual and typed, hostile ones fail", () => {
  const creators = readdirSync(join(pack, "creators")).filter((f) => f.endsWith(".json")).map((f) => read(`creators/${f}`).creator);
  const byId = new Map(creators.map((c) => [c.id, c]));
  const withCollabs = creators.filter((c) => (c.collabs ?? []).length > 0);
  assert.ok(withCollabs.length > creators.length / 2, "most demo creators have collaborators");
  for (const c of withCollabs) {
    for (const p of c.collabs) {
      const back = (byId.get(p.id)?.collabs ?? []).find((q) => q.id === c.id);
      assert.ok(back, `${c.id} → ${p.id} is mutual`);
      assert.equal(back.reason, p.reason);
      assert.equal(p.name, byId.get(p.id).name);
    }
  }
  assert.ok(withCollabs.some((c) => c.collabs.some((p) => p.reason === "kindred")), "同好 pairs exist");
  // Items carry their creator's collaborators' ids, and some credit a 合作 partner as co-creator.
  const items = readdirSync(join(pack, "items")).map((f) => read(`items/${f}`).item);
  const credited = items.filter((i) => (i.co_creators ?? []).length > 0);
  assert.ok(credited.length >= 20, `${credited.length} items credit a co-creator`);
  for (const i of credited) {
    const partner = byId.get(i.creator.id).collabs.find((p) => p.id === i.co_creators[0].id);
    assert.equal(partner?.reason, "collab", `${i.id}: a co-creator is a 合作 partner`);
  }
  for (const i of items) {
    assert.deepEqual(i.creator.collabs ?? [], (byId.get(i.creator.id).collabs ?? []).map((p) => p.id), i.id);
  }
  const doc = read(`creators/${withCollabs[0].id}.json`);
  for (const bad of [{ reason: "enemy" }, { id: "../x" }, { avatar: "javascript:alert(1)" }, { name: "" }]) {
    const c = structuredClone(doc);
    Object.assign(c.creator.collabs[0], bad);
    assert.notEqual(check("creator-document", c), null, JSON.stringify(bad));
  }
  const item = read(`items/${credited[0].id}.json`);
  for (const bad of [{ co_creators: "c01" }, { co_creators: [{ id: "c01" }] }]) {
    assert.notEqual(check("item-document", { ...item, item: { ...item.item, ...bad } }), null, JSON.stringify(bad));
  }
  assert.notEqual(check("item-document", { ...item, item: { ...item.item, creator: { ...item.item.creator, collabs: ["a/b"] } } }), null);
});
