// Every relative link, image and `#anchor` in the project's Markdown resolves (tests/docs/links.mjs
// says how they are read).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brokenLinks, documents, links } from "./links.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

test("every relative link, image and anchor in the docs resolves", () => {
  const files = documents(ROOT);
  assert.ok(files.includes("README.md") && files.some((f) => f.startsWith("docs/")), `documents found: ${files.join(", ")}`);
  const problems = files.flatMap((file) => brokenLinks(ROOT, file));
  const count = files.reduce((n, file) => n + links(readFileSync(join(ROOT, file), "utf8")).length, 0);
  console.log(`docs links: ${files.length} files, ${count} links and images, ${problems.length} broken`);
  assert.deepEqual(problems, [], "broken links");
});

test("the check catches a missing file, a missing anchor, a missing image and links outside", () => {
  const root = mkdtempSync(join(tmpdir(), "recap-links-"));
  try {
    writeFileSync(
      join(root, "README.md"),
      [
        "# Title",
        "## The `recap-feed` CLI: build & check",
        "## Repeat",
        "## Repeat",
        "[fine](docs/a.md#a-heading) [self](#title) [code](#the-recap-feed-cli-build--check) [again](#repeat-1)",
        "[gone](docs/missing.md) [no anchor](docs/a.md#nowhere) ![pic](docs/nothing.png)",
        "[far](../../etc/passwd) [web](https://example.org/x.md#y) [dir](docs/)",
        "```",
        "[in code](not-checked.md)",
        "```",
        "and `[inline](not-checked-either.md)`",
      ].join("\n"),
    );
    mkdirSync(join(root, "docs"));
    writeFileSync(join(root, "docs", "a.md"), "# A heading\n");
    const problems = brokenLinks(root, "README.md");
    assert.deepEqual(
      problems.map((p) => p.split(": ")[1]),
      ["docs/missing.md", "docs/a.md#nowhere", "docs/nothing.png", "../../etc/passwd"],
      problems.join("\n"),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
