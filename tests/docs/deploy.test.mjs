// The deploy example (examples/deploy/github-pages.yml) is a workflow that parses, has the steps
// an organiser needs in order, and names only recap-feed subcommands that exist; with a built
// binary at hand, each of them answers --help.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORKFLOW = join(ROOT, "examples/deploy/github-pages.yml");
// How long a command (Ruby reading YAML, `recap-feed SUB --help`) may run before it is stopped.
const RUN_TIMEOUT_MS = 60_000;
const SUBCOMMANDS = ["build", "check", "pages", "rebase", "init", "completions"];

// The workflow as data, read by Ruby's Psych (the YAML library Jekyll uses). Psych reads YAML
// 1.1, where a bare `on` key is the boolean true: GitHub's parser reads it as "on".
function load(file) {
  let json;
  try {
    json = execFileSync("ruby", ["-ryaml", "-rjson", "-e", "puts JSON.dump(YAML.load_file(ARGV[0]))", file], {
      encoding: "utf8",
      timeout: RUN_TIMEOUT_MS,
    });
  } catch (err) {
    if (err.code === "ETIMEDOUT") throw new Error(`ruby did not read ${file} within ${RUN_TIMEOUT_MS / 1000} s and was stopped`);
    throw err;
  }
  return JSON.parse(json);
}

// Every `recap-feed SUB` in the `run` steps of every job: [{ job, step, sub }].
function recapCommands(workflow) {
  const found = [];
  for (const [job, { steps = [] }] of Object.entries(workflow.jobs)) {
    for (const step of steps) {
      if (typeof step.run !== "string") continue;
      for (const [, sub] of step.run.matchAll(/recap-feed["']?\s+([A-Za-z-]+)/g)) {
        found.push({ job, step: step.name ?? step.run.split("\n")[0], sub });
      }
    }
  }
  return found;
}

// The newest recap-feed built in this checkout (debug or release), if any.
function builtBinary() {
  const candidates = ["debug", "release"]
    .flatMap((profile) => [
      join(ROOT, "target", profile, "recap-feed"),
      ...(process.env.CARGO_TARGET_DIR ? [join(resolve(ROOT, process.env.CARGO_TARGET_DIR), profile, "recap-feed")] : []),
    ])
    .filter((path) => existsSync(path));
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0] ?? null;
}

test("the deploy workflow parses and has its jobs and steps in order", () => {
  const workflow = load(WORKFLOW);
  const triggers = workflow.on ?? workflow.true;
  assert.ok(triggers && typeof triggers === "object", "the workflow says when it runs (on:)");
  assert.ok(workflow.jobs?.build && workflow.jobs?.deploy, `jobs: ${Object.keys(workflow.jobs ?? {}).join(", ")}`);
  assert.deepEqual(workflow.jobs.deploy.needs, "build", "deploy waits for the build");
  assert.equal(workflow.permissions?.pages, "write");
  assert.equal(workflow.permissions?.["id-token"], "write");

  for (const [name, job] of Object.entries(workflow.jobs)) {
    assert.ok(typeof job["runs-on"] === "string", `${name}: runs-on`);
    assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${name}: steps`);
    for (const step of job.steps) {
      assert.ok((typeof step.uses === "string") !== (typeof step.run === "string"), `${name}: a step either uses an action or runs commands: ${JSON.stringify(step)}`);
    }
  }

  // The release is pinned and checked before it is used.
  assert.match(String(workflow.env?.RECAP_VERSION), /^\d+\.\d+\.\d+$/, "RECAP_VERSION is a pinned version");
  const steps = workflow.jobs.build.steps;
  const at = (what, predicate) => {
    const index = steps.findIndex(predicate);
    assert.ok(index >= 0, `the build job has a step that ${what}`);
    return index;
  };
  const checkout = at("checks out the site", (s) => /^actions\/checkout@/.test(s.uses ?? ""));
  const download = at("downloads the release and verifies its .sha256", (s) =>
    /recap-\$\{RECAP_VERSION\}\.tar\.gz/.test(s.run ?? "") && /\.sha256/.test(s.run) && /sha256sum -c/.test(s.run),
  );
  const jekyll = at("builds the site with jekyll", (s) => /(?:^|\s)(?:bundle exec )?jekyll build\b/.test(s.run ?? ""));
  const feed = at("builds the feed into _site/feed.json", (s) => /recap-feed["']?\s+build\s+\.\s+--out\s+_site\/feed\.json/.test(s.run ?? ""));
  const copy = at("copies the app into _site/recap/", (s) => /cp -R "?\$\{RECAP\}\/site\/\.?"?\s+_site\/recap\/?/.test(s.run ?? ""));
  // site/ is built for /: served under /recap/, it is rebased there.
  const pages = at("pre-renders the pages into _site/recap, rebased to /recap/", (s) =>
    /recap-feed["']?\s+pages\s+\S+\s+--dist\s+_site\/recap\s+--base\s+\/recap\/\s+--site-url\s/.test(s.run ?? ""));
  const upload = at("uploads _site", (s) => /^actions\/upload-pages-artifact@/.test(s.uses ?? "") && s.with?.path === "_site");
  assert.ok(checkout < download && download < feed && jekyll < feed && feed <= copy && copy <= pages && pages < upload, "the steps run in order");
  assert.ok(
    workflow.jobs.deploy.steps.some((s) => /^actions\/deploy-pages@/.test(s.uses ?? "")),
    "the deploy job publishes with actions/deploy-pages",
  );
});

test("the workflow names only recap-feed subcommands that exist, and each answers --help", (t) => {
  const commands = recapCommands(load(WORKFLOW));
  assert.ok(commands.length >= 2, "the workflow runs recap-feed");
  for (const { job, step, sub } of commands) {
    assert.ok(SUBCOMMANDS.includes(sub), `${job} / ${step}: recap-feed ${sub} is not one of ${SUBCOMMANDS.join(", ")}`);
  }
  const binary = builtBinary();
  if (!binary) {
    t.skip("no built recap-feed (target/debug or target/release): --help of each subcommand not checked; run cargo build -p recap-feed");
    return;
  }
  for (const sub of new Set(commands.map((c) => c.sub))) {
    const run = spawnSync(binary, [sub, "--help"], { encoding: "utf8", timeout: RUN_TIMEOUT_MS });
    assert.ok(run.error?.code !== "ETIMEDOUT", `${binary} ${sub} --help did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
    assert.equal(run.status, 0, `${binary} ${sub} --help exited ${run.status}: ${run.stderr}`);
    assert.match(run.stdout, new RegExp(sub), `${sub} --help names itself`);
  }
});
