// A local stand-in for the YouTube and Vimeo iframe players, on its own origin, speaking the
// same postMessage protocols, so the end-to-end tests never reach the real hosts.
//
// YouTube (`/embed/ID?...&start=S`): it ignores the first two `listening` messages (the page
// must retry the handshake), then answers `onReady` and sends `infoDelivery` with `currentTime`
// every 200 ms. It obeys `seekTo`, `playVideo` and `pauseVideo`.
// Vimeo (`/video/ID?...#t=Ss`): it posts `ready` on load, and `timeupdate` with `seconds` every
// 200 ms once asked to (`addEventListener`); it obeys `setCurrentTime`, `play` and `pause`.
//
// Every message the player received is kept in `window.received`, with the time it arrived
// (`performance.timeOrigin + performance.now()`). `window.report(t)` makes it report a time;
// `window.silence()` stops its regular reports; `window.lagNextSeek()` makes it report its old
// position once more just before it obeys the next seek, as a report already on its way when the
// seek was sent would arrive.
// `/spoof` is a page on the same origin that is not the player: it posts what it is told to.
import { createServer } from "node:http";

export const PLAYER = String.raw`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake player</title>
<style>body{margin:0;background:#123;color:#fff;font:14px monospace}p{margin:8px}</style></head>
<body><p id="state">fake player</p><script>
const url = new URL(location.href);
const vimeo = url.pathname.startsWith("/video/");
const startParam = vimeo ? Number((url.hash.match(/t=(\d+)/) || [])[1] || 0) : Number(url.searchParams.get("start") || 0);
let base = startParam, since = performance.now(), playing = url.searchParams.get("autoplay") === "1";
let parent_origin = null, listening = 0, timer = null, lag = false;
window.received = [];
const now = () => playing ? base + (performance.now() - since) / 1000 : base;
const seek = (t) => { base = t; since = performance.now(); };
const send = (message) => parent.postMessage(vimeo ? message : JSON.stringify(message), parent_origin || "*");
window.report = (t) => { seek(t); tick(); };
window.silence = () => { clearInterval(timer); timer = -1; };
window.lagNextSeek = () => { lag = true; };
const seekCommand = (t) => { if (lag) { lag = false; tick(); } seek(t); };
function tick() {
  if (vimeo) send({ event: "timeupdate", data: { seconds: now(), percent: now() / 5400, duration: 5400 } });
  else send({ event: "infoDelivery", id: 1, channel: "widget", info: { currentTime: now(), duration: 5400, playerState: playing ? 1 : 2 } });
  document.getElementById("state").textContent = (playing ? "playing " : "paused ") + now().toFixed(1);
}
window.addEventListener("message", (event) => {
  if (event.source !== parent) return;
  let data = event.data;
  if (typeof data === "string") { try { data = JSON.parse(data); } catch { return; } }
  window.received.push({ data, at: performance.timeOrigin + performance.now(), origin: event.origin });
  parent_origin = event.origin;
  if (!vimeo && data.event === "listening") {
    listening += 1;
    if (listening < 3 || timer) return;
    send({ event: "onReady", id: 1, channel: "widget", info: null });
    timer = setInterval(tick, 200);
  } else if (!vimeo && data.event === "command") {
    if (data.func === "seekTo") seekCommand(Number(data.args[0]));
    if (data.func === "playVideo") { seek(now()); playing = true; }
    if (data.func === "pauseVideo") { seek(now()); playing = false; }
    tick();
  } else if (vimeo && data.method === "addEventListener" && !timer) {
    timer = setInterval(tick, 200);
  } else if (vimeo && data.method === "setCurrentTime") { seekCommand(Number(data.value)); tick(); }
  else if (vimeo && data.method === "play") { seek(now()); playing = true; }
  else if (vimeo && data.method === "pause") { seek(now()); playing = false; }
});
if (vimeo) send({ event: "ready", player_id: "fake" });
</script></body></html>`;

const SPOOF = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spoof</title></head><body>
<script>window.spoof = (message) => parent.postMessage(message, "*");</script></body></html>`;

export async function startFakePlayer() {
  const hits = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    hits.push(path);
    const body = path === "/spoof" ? SPOOF : /^\/(embed|video)\/[\w-]+$/.test(path) ? PLAYER : null;
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(body);
  });
  // Another port: another origin than the site's, as the real players are.
  await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    // Ends open connections too (a browser keeps some alive): closing never waits on them.
    close: () => new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    }),
  };
}
