// The set-up every end-to-end file shares: one browser for the file, launched by a before() of
// its own (node runs a file's top-level before() hooks side by side: read `file.browser` in the
// tests, not in another before()); the servers and fake players it starts, closed after its tests; the pages a test
// opened, closed after each test (closePages() also fails the test for a policy violation or a
// panic on them).
//
//   const file = e2eFile();
//   before(async () => { server = await file.serve(); });
//   test("…", async () => { const page = await openPage(file.browser); … });
import { after, afterEach, before } from "node:test";
import { closePages, launch } from "./browser.mjs";
import { startFakePlayer } from "./fake-player.mjs";
import { startServer } from "./server.mjs";

// `launch`: options for the browser (see browser.mjs's launch).
export function e2eFile({ launch: options } = {}) {
  const closing = [];
  const file = {
    // The file's browser, once its before() has run.
    browser: null,
    // A server (server.mjs's startServer options), closed after the file's tests.
    async serve(serverOptions) {
      const server = await startServer(serverOptions);
      closing.push(() => server.close());
      return server;
    },
    // The local stand-in for the video players, closed after the file's tests.
    async fakePlayer() {
      const player = await startFakePlayer();
      closing.push(() => player.close());
      return player;
    },
  };
  before(async () => {
    file.browser = await launch(options);
  });
  afterEach(closePages);
  after(async () => {
    await closePages();
    await file.browser?.close();
    for (const close of closing.reverse()) await close();
  });
  return file;
}
