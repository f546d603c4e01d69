// End to end: the event video. A facade until the visitor asks, then one player moved in place
// by the time buttons and the chapter bar, with the talk playing highlighted. The YouTube and
// Vimeo players are a local fake on another origin; the media file is made by ffmpeg.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { axe, openPage, SCREENSHOTS, WAIT_MS, waitUntil } from "./browser.mjs";
import { eventPath, sample } from "./sample.mjs";
import { withPlayers } from "./server.mjs";
import { runWithin } from "./cli.mjs";
import { e2eFile } from "./fixture.mjs";

const youtubeEvent = sample.items.find((i) => i.id === "2025-02-05-harbourside-cloud-native-february-2025");
const vimeoEvent = sample.items.find((i) => /vimeo/.test(i._recap.video ?? ""));
const noPictureEvent = sample.items.find((i) => !i.image && /youtube/.test(i._recap.video ?? ""));
const youtubeId = (item) => item._recap.video.match(/embed\/([\w-]{11})/)[1];
const MEDIA = "target/e2e-generated/test-pattern.webm";

let server;
let player;
const file = e2eFile();
before(async () => {
  mkdirSync("target/e2e-generated", { recursive: true });
  // Four minutes of low-resolution test pattern, made once (under 1 MB, never committed). It is
  // written to a temporary name and renamed when complete, so a run cut short leaves no
  // truncated file behind to be reused.
  if (!existsSync(MEDIA)) {
    const partial = `${MEDIA}.${process.pid}.partial.webm`;
    runWithin(2 * 60_000, "ffmpeg", [
      "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
      "-i", "testsrc=duration=240:size=160x90:rate=5", "-c:v", "libvpx", "-b:v", "20k", partial,
    ]);
    renameSync(partial, MEDIA);
  }
  player = await file.fakePlayer();
  // The mount element points the players at the fake, and the page's Content-Security-Policy
  // allows it in frames, as a build with those attributes in its index.html has it.
  server = await file.serve({
    rewriteIndex: withPlayers(player.origin),
  });
  const mediaFeed = structuredClone({ ...sample, items: [youtubeEvent] });
  mediaFeed.items[0]._recap.video = `${server.url}/generated/test-pattern.webm`;
  mediaFeed.items[0].image = `${server.url}/${youtubeEvent.image}`;
  mediaFeed.items[0]._recap.talks = [
    { title: "Warm-up", speakers: [{ name: "Ada Example" }], start: 10 },
    { title: "Main act", speakers: [{ name: "Brook Example" }], start: 120 },
    { title: "Encore", speakers: [{ name: "Cy Example" }], start: 200 },
  ];
  writeFileSync("target/e2e-generated/media.json", JSON.stringify(mediaFeed));
});

// An event page; every request is recorded, and YouTube's image host is refused in the browser.
async function openEvent(path, options = {}) {
  const page = await openPage(file.browser, options);
  await page.route("https://i.ytimg.com/**", (route) => route.abort());
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(".recap-video");
  return page;
}

// The player's frame, once it has loaded the player page; past the deadline, a failure that
// names the frames there are.
async function playerFrame(page) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(player.origin) && !f.url().endsWith("/spoof"));
    if (frame && (await frame.evaluate(() => Array.isArray(window.received)).catch(() => false))) return frame;
    await page.waitForTimeout(20); // polling for the frame: Playwright has no event for "loaded and scripted"
  }
  throw new Error(`the player's frame did not load within ${WAIT_MS} ms; frames: ${page.frames().map((f) => f.url()).join(", ")}`);
}
const received = (frame) => frame.evaluate(() => window.received.map((r) => r.data));
const playingTalk = (page) => page.$$eval(".recap-talk--playing .recap-talk__title", (els) => els.map((e) => e.textContent));
const waitForPlaying = (page, title) =>
  waitUntil(
    page,
    (t) => document.querySelector(".recap-talk--playing .recap-talk__title")?.textContent === t,
    title,
    async () => `expected ${JSON.stringify(title)} to be marked as playing; marked: ${JSON.stringify(await playingTalk(page))}`,
  );
// From now on, every change of the talk marked as playing is logged in the page, in order
// (null: none), so that a test can tell that a highlight never moved, not only where it ended.
const logPlaying = (page) =>
  page.evaluate(() => {
    window.playingLog = [];
    const current = () => document.querySelector(".recap-talk--playing .recap-talk__title")?.textContent ?? null;
    new MutationObserver(() => {
      if (window.playingLog.at(-1) !== current()) window.playingLog.push(current());
    }).observe(document.querySelector(".recap-talks"), { subtree: true, attributes: true, attributeFilter: ["class"] });
  });
const playingLog = (page) => page.evaluate(() => window.playingLog);
const thirdParty = (page) => page.requests.filter((url) => !url.startsWith(`${server.url}/`) && !url.startsWith("data:"));

test("before the click nothing leaves the site; hovering preconnects; the click loads the player at ?t=", async () => {
  const page = await openEvent(`${eventPath(youtubeEvent.id)}?t=1505`);
  const play = page.getByRole("button", { name: `Play the recording of ${youtubeEvent.title} from 25:05` });
  assert.equal(await play.count(), 1);
  assert.equal(await page.locator("iframe").count(), 0);
  assert.equal(await page.locator(".recap-video__poster").getAttribute("src"), new URL(youtubeEvent.image, `${server.url}/`).href);
  assert.deepEqual(thirdParty(page), [], "no third-party request before the click");
  assert.equal(await page.locator("link[rel=preconnect]").count(), 0);
  // The player's own code is not part of the page until the visitor shows interest.
  const playerModule = () => page.requests.filter((url) => /\/recap-player(\.js|_bg\.wasm)$/.test(url));
  assert.deepEqual(playerModule(), [], "the player module is not fetched with the page");
  await play.hover();
  await page.locator(`link[rel=preconnect][href="${player.origin}"]`).waitFor({ state: "attached" });
  await waitUntil(page, () => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/recap-player_bg.wasm")), null,
    async () => `the player module was not fetched on hover; requests: ${JSON.stringify(playerModule())}`);
  await play.focus();
  assert.equal(await page.locator("link[rel=preconnect]").count(), 1, "one preconnect, however often");
  assert.deepEqual(thirdParty(page), [], "a preconnect is not a request");
  await page.screenshot({ path: `${SCREENSHOTS}/video-facade-1280-light.png` });
  await axe(page, "an event page with the video facade");

  await play.focus();
  await page.keyboard.press("Enter");
  const iframe = page.locator("iframe.recap-video__player");
  await iframe.waitFor();
  // The button that had the focus is gone: the focus moved into the player.
  await waitUntil(page, () => document.activeElement?.matches("iframe.recap-video__player"), null,
    async () => `the focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}, not the player`);
  const src = new URL(await iframe.getAttribute("src"));
  assert.equal(src.origin + src.pathname, `${player.origin}/embed/${youtubeId(youtubeEvent)}`);
  assert.deepEqual(Object.fromEntries(src.searchParams), {
    enablejsapi: "1", origin: server.url, start: "1505", autoplay: "1", playsinline: "1", rel: "0",
  });
  assert.equal(await iframe.getAttribute("referrerpolicy"), "strict-origin-when-cross-origin");
  assert.match(await iframe.getAttribute("allow"), /autoplay/);
  assert.equal(await iframe.getAttribute("title"), `Recording of ${youtubeEvent.title}`);
  // The handshake is retried until the player answers (the fake ignores the first two), then
  // the player's reports move the highlight.
  const frame = await playerFrame(page);
  await frame.waitForFunction(() => window.received.filter((m) => m.data.event === "listening").length >= 3, null, { polling: 50 });
  await frame.evaluate(() => window.report(2970));
  await waitForPlaying(page, youtubeEvent._recap.talks[2].title);
  const messages = await received(frame);
  assert.ok(messages.filter((m) => m.event === "listening").length >= 3, JSON.stringify(messages));
  assert.deepEqual(
    thirdParty(page).map((u) => new URL(u).origin),
    [player.origin],
    "after the click: the player, and nothing else",
  );
  assert.deepEqual(page.errors, []);
});

test("time buttons and chapters seek the loaded player in place; the highlight and the URL follow", async () => {
  const embeds = () => player.hits.filter((p) => p.startsWith("/embed/")).length;
  const loadsBefore = embeds();
  const page = await openEvent(eventPath(youtubeEvent.id));
  const historyLength = await page.evaluate(() => history.length);
  const talks = youtubeEvent._recap.talks;
  // A time button before the player is loaded loads it at that moment.
  await page.locator(".recap-talk .recap-time").nth(2).click();
  const iframe = page.locator("iframe.recap-video__player");
  await iframe.waitFor();
  assert.equal(new URL(await iframe.getAttribute("src")).searchParams.get("start"), String(talks[2].start));
  await page.waitForFunction(() => document.querySelector(".recap-talk--playing"));
  assert.deepEqual(await playingTalk(page), [talks[2].title]);
  await page.evaluate(() => { document.querySelector("iframe").dataset.mark = "first"; });
  const src = await iframe.getAttribute("src");
  const frame = await playerFrame(page);
  await frame.waitForFunction(() => window.received.some((m) => m.data.event === "listening"), null, { polling: 50 });

  // Twenty jumps; each one's seek command is timed from the click to its arrival in the player.
  const latencies = [];
  for (let n = 0; n < 20; n++) {
    const index = n % talks.length;
    const before = (await received(frame)).length;
    const clickedAt = await page.evaluate((i) => {
      const at = performance.timeOrigin + performance.now();
      document.querySelectorAll(".recap-talk .recap-time")[i].click();
      return at;
    }, index);
    const commands = (count) => window.received.slice(count).filter((m) => m.data.event === "command");
    await frame.waitForFunction(`(${commands})(${before}).length >= 2`, null, { polling: 5 });
    const [seek, playCommand] = await frame.evaluate(`(${commands})(${before})`);
    assert.deepEqual(seek.data, { event: "command", func: "seekTo", args: [talks[index].start, true], id: 1, channel: "widget" });
    assert.equal(playCommand.data.func, "playVideo");
    assert.equal(seek.origin, server.url);
    latencies.push(seek.at - clickedAt);
    await waitForPlaying(page, talks[index].title);
    assert.equal(new URL(page.url()).searchParams.get("t"), String(talks[index].start));
  }
  latencies.sort((a, b) => a - b);
  const median = (latencies[9] + latencies[10]) / 2;
  console.log(`# click to seek command at the player: median ${median.toFixed(1)} ms over 20 (min ${latencies[0].toFixed(1)}, max ${latencies[19].toFixed(1)})`);
  writeFileSync("target/e2e-generated/seek-latency.json", JSON.stringify({ median, latencies }));

  // On a wide screen the recording stays in view beside the talks.
  const inView = await page.evaluate(() => {
    const r = document.querySelector(".recap-video__screen").getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight + 1;
  });
  assert.ok(inView, "the recording is in view after a jump from the last talk");

  // A report of the old position that was on its way when the seek was sent does not move the
  // highlight back: the fake sends one just before it obeys the seek.
  await page.locator(".recap-talk .recap-time").nth(0).click();
  await waitForPlaying(page, talks[0].title);
  await frame.evaluate(() => window.lagNextSeek());
  await logPlaying(page);
  const seeksBefore = (await received(frame)).filter((m) => m.func === "seekTo").length;
  await page.locator(".recap-talk .recap-time").nth(3).click();
  await frame.waitForFunction((n) => window.received.filter((m) => m.data.func === "seekTo").length > n, seeksBefore);
  // Proof that the stale report and the landed one were both handled: a later report moves the
  // highlight, and the log shows every mark on the way.
  await frame.evaluate((t) => window.report(t), talks[2].start + 1);
  await waitForPlaying(page, talks[2].title);
  assert.deepEqual(await playingLog(page), [talks[3].title, talks[2].title], "the highlight never went back to the first talk");

  // The chapter bar: labelled, keyboard operable.
  const chapters = page.getByRole("navigation", { name: "Chapters" }).getByRole("button");
  assert.equal(await chapters.count(), talks.filter((t) => t.start != null).length);
  await chapters.nth(3).focus();
  await page.keyboard.press("Enter");
  await waitForPlaying(page, talks[3].title);
  assert.equal(await page.locator(".recap-chapters__item--playing").count(), 1);
  const last = (await received(frame)).filter((m) => m.func === "seekTo").at(-1);
  assert.deepEqual(last.args, [talks[3].start, true]);

  // The iframe was never reloaded: same element, same src, one load of the player page.
  assert.equal(await page.evaluate(() => document.querySelector("iframe").dataset.mark), "first");
  assert.equal(await iframe.getAttribute("src"), src);
  assert.equal(embeds(), loadsBefore + 1, "the player page was loaded once");
  assert.equal(await page.locator("iframe").count(), 1);
  assert.equal(await page.evaluate(() => history.length), historyLength, "jumps replace the URL");
  await page.screenshot({ path: `${SCREENSHOTS}/video-playing-1280-light.png`, fullPage: true });
  await axe(page, "an event page with its player and chapters");
  assert.deepEqual(page.errors, []);
});

test("messages from another origin, or another window of the player's origin, change nothing", async () => {
  const hitsBefore = player.hits.filter((p) => p.startsWith("/embed/")).length;
  const page = await openEvent(`${eventPath(youtubeEvent.id)}?t=150`);
  await page.getByRole("button", { name: /^Play the recording/ }).click();
  const talks = youtubeEvent._recap.talks;
  const frame = await playerFrame(page);
  assert.equal(player.hits.filter((p) => p.startsWith("/embed/")).length, hitsBefore + 1, "one load of the player");
  await frame.evaluate(() => window.report(150));
  await waitForPlaying(page, talks[0].title);
  // Stop the fake's own reports so that only the spoofs could move the highlight.
  await frame.evaluate(() => window.silence());
  await logPlaying(page);
  const spoof = JSON.stringify({ event: "infoDelivery", info: { currentTime: talks[3].start + 5 } });
  // From the page's own origin.
  await page.evaluate((message) => window.postMessage(message, "*"), spoof);
  // From the player's origin, but another window.
  await page.evaluate((origin) => {
    const f = document.createElement("iframe");
    f.src = `${origin}/spoof`;
    f.title = "spoof";
    document.body.append(f);
    return new Promise((done) => f.addEventListener("load", done));
  }, player.origin);
  const spoofFrame = page.frames().find((f) => f.url().endsWith("/spoof"));
  await spoofFrame.evaluate((message) => window.spoof(message), spoof);
  // Junk from the player itself is ignored too.
  for (const junk of ["not json", "{\"event\":\"infoDelivery\",\"info\":{\"currentTime\":-1}}", "{\"event\":42}"]) {
    await frame.evaluate((message) => parent.postMessage(message, "*"), junk);
  }
  // The real player still moves it; its report comes after the spoofs, so by then they have been
  // handled, and the log shows they marked nothing.
  await frame.evaluate((t) => window.report(t), talks[2].start + 1);
  await waitForPlaying(page, talks[2].title);
  assert.deepEqual(await playingLog(page), [talks[2].title], "the spoofs changed nothing");
  assert.deepEqual(page.errors, []);
});

test("Vimeo: the same facade, Vimeo's protocol", async () => {
  const page = await openEvent(eventPath(vimeoEvent.id));
  const talks = vimeoEvent._recap.talks;
  await page.getByRole("button", { name: `Play the recording of ${vimeoEvent.title}` }).click();
  const iframe = page.locator("iframe.recap-video__player");
  await iframe.waitFor();
  const src = new URL(await iframe.getAttribute("src"));
  assert.equal(src.origin + src.pathname, `${player.origin}/video/${vimeoEvent._recap.video.match(/\d+$/)[0]}`);
  assert.equal(src.hash, "#t=0s");
  const frame = await playerFrame(page);
  await frame.waitForFunction(() => window.received.some((m) => m.data.method === "addEventListener"), null, { polling: 50 });
  await page.locator(".recap-talk .recap-time").nth(1).click();
  await frame.waitForFunction(() => window.received.some((m) => m.data.method === "setCurrentTime"), null, { polling: 50 });
  const messages = await received(frame);
  assert.deepEqual(messages.find((m) => m.method === "setCurrentTime"), { method: "setCurrentTime", value: talks[1].start });
  assert.ok(messages.some((m) => m.method === "play"));
  await waitForPlaying(page, talks[1].title);
  assert.deepEqual(page.errors, []);
});

test("an event without a picture shows YouTube's thumbnail: the only third-party request", async () => {
  const page = await openEvent(eventPath(noPictureEvent.id));
  assert.deepEqual(thirdParty(page), [`https://i.ytimg.com/vi/${youtubeId(noPictureEvent)}/hqdefault.jpg`]);
  assert.equal(await page.locator("iframe").count(), 0);
});

test("a media file plays in a native video; jumps set currentTime and the highlight follows", async () => {
  const page = await openEvent(`${eventPath(youtubeEvent.id)}?feed=/generated/media.json`, { hasTouch: true, width: 360, height: 640, colorScheme: "dark" });
  await page.getByRole("button", { name: /^Play the recording/ }).tap();
  const video = page.locator("video.recap-video__player");
  await video.waitFor();
  assert.equal(await video.getAttribute("controls"), "");
  await page.waitForFunction(() => document.querySelector("video").readyState >= 1);
  await page.locator(".recap-talk .recap-time").nth(1).click();
  await page.waitForFunction(() => Math.abs(document.querySelector("video").currentTime - 120) < 2);
  await waitForPlaying(page, "Main act");
  // On a phone the talks are below the recording: a jump brings the recording back into view.
  const box = await page.evaluate(() => {
    const r = document.querySelector(".recap-video__screen").getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight };
  });
  assert.ok(box.top >= -1 && box.bottom <= box.height + 1, JSON.stringify(box));
  await page.getByRole("navigation", { name: "Chapters" }).getByRole("button").nth(2).click();
  await page.waitForFunction(() => document.querySelector("video").currentTime >= 199);
  await waitForPlaying(page, "Encore");
  // Once the length is known, the chapters are sized by it: 10–120, 120–200, 200–240.
  await page.waitForFunction(() => document.querySelector(".recap-chapters__item")?.style.flexGrow === "458");
  assert.equal(new URL(page.url()).searchParams.get("t"), "200");
  assert.deepEqual(thirdParty(page), []);
  await page.screenshot({ path: `${SCREENSHOTS}/video-file-360-dark.png` });
  assert.deepEqual(page.errors, []);
});
