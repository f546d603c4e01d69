// The project's CLI for the end-to-end tests: `recap-feed` run through cargo (built first when
// needed), its report on stderr.
import { execFileSync } from "node:child_process";

export function recapFeed(...args) {
  execFileSync("cargo", ["run", "-q", "--offline", "-p", "recap-feed", "--", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// The fixture posts (tests/fixtures/posts) built into `out` by `recap-feed build`, with `extra`
// arguments (say, `--page-size 8`).
export function buildFixtures(out, ...extra) {
  recapFeed("build", "tests/fixtures/posts/_posts", "--out", out, "--title", "Fixture meetups", ...extra);
}
