// The project's CLI for the end-to-end tests: `recap-feed` run through cargo (built first when
// needed), its report on stderr; and other commands the tests run, each with a time limit.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";

// How long `cargo run` may take, building `recap-feed` first when needed.
export const CARGO_TIMEOUT_MS = 15 * 60_000;

// Runs `command` as `execFileSync` does, killed after `timeoutMs`: then the test fails saying
// which command did not finish and how long it had.
export function runWithin(timeoutMs, command, args, options = {}) {
  try {
    return execFileSync(command, args, { ...options, timeout: timeoutMs });
  } catch (err) {
    if (err.code === "ETIMEDOUT") {
      throw new Error(`${command} ${args.join(" ")} did not finish within ${timeoutMs / 1000} s and was stopped`);
    }
    throw err;
  }
}

// Runs a command as `spawnSync` does (its status and output returned, not thrown), stopped after
// `timeoutMs`: then the test fails saying which command did not finish and how long it had.
export function spawnWithin(timeoutMs, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options, timeout: timeoutMs });
  if (result.error?.code === "ETIMEDOUT") {
    assert.fail(`${command} ${args.join(" ")} did not finish within ${timeoutMs / 1000} s and was stopped`);
  }
  return result;
}

export function recapFeed(...args) {
  runWithin(CARGO_TIMEOUT_MS, "cargo", ["run", "-q", "--offline", "-p", "recap-feed", "--", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// The fixture posts (tests/fixtures/posts) built into `out` by `recap-feed build`, with `extra`
// arguments (say, `--page-size 8`).
export function buildFixtures(out, ...extra) {
  recapFeed("build", "tests/fixtures/posts/_posts", "--out", out, "--title", "Fixture meetups", ...extra);
}
