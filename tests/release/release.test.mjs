// The release tarball as an organiser gets it: target/release-dist/recap-VERSION.tar.gz (VERSION
// the workspace version in Cargo.toml), or the tarball RECAP_RELEASE names. Written by
// `scripts/release.sh VERSION`; this test builds nothing. It checks the checksum beside the
// tarball, the layout it unpacks to, SHA256SUMS, the binary and its version, the version in
// embed.js, and the embed's npm package: its manifest and every file the embed loads.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

// The `version` of Cargo.toml's [workspace.package] section.
function workspaceVersion() {
  let section = "";
  for (const line of readFileSync(join(ROOT, "Cargo.toml"), "utf8").split("\n")) {
    if (line.startsWith("[")) section = line.trim();
    const found = line.match(/^version\s*=\s*"([^"]+)"/);
    if (found && section === "[workspace.package]") return found[1];
  }
  throw new Error("Cargo.toml has no version in [workspace.package]");
}

const VERSION = workspaceVersion();
const NAME = `recap-${VERSION}`;
const TARBALL = process.env.RECAP_RELEASE ?? join(ROOT, "target", "release-dist", `${NAME}.tar.gz`);

// How long one command may run (unpacking, checking sums, the binary's version) before it is
// stopped and the test fails.
const RUN_TIMEOUT_MS = 2 * 60_000;
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: RUN_TIMEOUT_MS, ...options });
  if (result.error?.code === "ETIMEDOUT") {
    throw new Error(`${command} ${args.join(" ")} did not finish within ${RUN_TIMEOUT_MS / 1000} s and was stopped`);
  }
  if (result.error) throw result.error;
  return result;
};
const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
// Every file under `dir`, as paths relative to it with forward slashes, sorted.
const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split("\\").join("/"))
    .sort();

let work;
let top;
let npmPackage; // the npm tarball unpacked: its package/ folder

before(() => {
  assert.ok(
    existsSync(TARBALL),
    `no release at ${TARBALL}: run scripts/release.sh ${VERSION} first (or set RECAP_RELEASE)`,
  );
  work = mkdtempSync(join(tmpdir(), "recap-release-"));
  const unpacked = run("tar", ["-xzf", TARBALL, "-C", work]);
  assert.equal(unpacked.status, 0, `tar -xzf ${TARBALL}: ${unpacked.stderr}`);
  top = join(work, NAME);
  const packed = join(top, "npm", `recap-embed-${VERSION}.tgz`);
  assert.ok(existsSync(packed), `no npm/recap-embed-${VERSION}.tgz in the release`);
  const npmDir = join(work, "npm-pack");
  run("mkdir", ["-p", npmDir]);
  const npmUnpacked = run("tar", ["-xzf", packed, "-C", npmDir]);
  assert.equal(npmUnpacked.status, 0, `tar -xzf ${packed}: ${npmUnpacked.stderr}`);
  npmPackage = join(npmDir, "package");
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the .sha256 beside the tarball is the tarball's", () => {
  const line = readFileSync(`${TARBALL}.sha256`, "utf8");
  const [sum, name, ...rest] = line.trim().split(/\s+/);
  assert.equal(rest.length, 0, `one line of sha256sum output: ${line}`);
  assert.equal(name, basename(TARBALL));
  assert.equal(sum, sha256(TARBALL));
});

test(`it unpacks to ${NAME}/ alone, with the release's files, owned by 0 at one time`, () => {
  const listing = run("tar", ["--numeric-owner", "-tvzf", TARBALL]).stdout.trim().split("\n");
  const times = new Set();
  for (const entry of listing) {
    const [mode, owner, , date, time, path] = entry.split(/\s+/);
    assert.ok(path === `${NAME}/` || path.startsWith(`${NAME}/`), `an entry outside ${NAME}/: ${entry}`);
    assert.equal(owner, "0/0", `owner of ${path}`);
    assert.ok(/^[-d]/.test(mode), `only files and folders: ${entry}`);
    times.add(`${date} ${time}`);
  }
  assert.equal(times.size, 1, `one time for every entry, not ${[...times].join(", ")}`);

  const files = filesUnder(top);
  for (const expected of [
    "README.md",
    "CHANGELOG.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
    "SHA256SUMS",
    "bin/recap-feed",
    "site/index.html",
    "site/404.html",
    "site/embed.js",
    "site/sw.js",
    "npm/recap-embed/package.json",
    "npm/recap-embed/README.md",
    "npm/recap-embed/embed.js",
    `npm/recap-embed-${VERSION}.tgz`,
  ]) {
    assert.ok(files.includes(expected), `${NAME}/${expected} is missing`);
  }
  assert.ok(!files.some((file) => file.startsWith("templates/")), "no templates/ folder");
  // The site's app files: the script, wasm and stylesheet that index.html names.
  const index = readFileSync(join(top, "site", "index.html"), "utf8");
  for (const name of index.match(/(recap-[0-9a-f]+(_bg\.wasm|\.js)|main-[0-9a-f]+\.css)/g) ?? []) {
    assert.ok(files.includes(`site/${name}`), `site/${name}, named by index.html, is missing`);
  }
  assert.match(readFileSync(join(top, "CHANGELOG.md"), "utf8"), new RegExp(`^## \\[?${VERSION.replaceAll(".", "\\.")}\\]?( |$)`, "m"));
});

test("SHA256SUMS lists every other file, and sha256sum -c passes in the folder", () => {
  const sums = readFileSync(join(top, "SHA256SUMS"), "utf8").trim().split("\n");
  const listed = sums.map((line) => {
    const found = line.match(/^([0-9a-f]{64}) [ *](.+)$/);
    assert.ok(found, `not a sha256sum line: ${line}`);
    assert.ok(!found[2].startsWith("/") && !found[2].includes(".."), `not relative: ${found[2]}`);
    return found[2].replace(/^\.\//, "");
  });
  assert.deepEqual(
    [...listed].sort(),
    filesUnder(top).filter((file) => file !== "SHA256SUMS"),
  );
  const check = run("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: top });
  assert.equal(check.status, 0, `sha256sum -c SHA256SUMS:\n${check.stdout}${check.stderr}`);
});

test("bin/recap-feed is a Linux x86-64 executable that prints the version", () => {
  const binary = join(top, "bin", "recap-feed");
  assert.ok(statSync(binary).mode & 0o100, "bin/recap-feed is executable");
  const kind = run("file", ["-b", binary]).stdout;
  assert.match(kind, /ELF 64-bit .*x86-64/, `file says: ${kind}`);
  // With no Rust toolchain on PATH: the binary needs none.
  const version = run(binary, ["--version"], { env: { PATH: "/usr/bin:/bin" } });
  assert.equal(version.status, 0, `recap-feed --version exits 0: ${version.stderr.slice(0, 200)}`);
  assert.match(version.stdout, new RegExp(`^recap-feed ${VERSION.replaceAll(".", "\\.")}\\s*$`));
});

test("embed.js carries the version, in the site and in the package alike", () => {
  const embed = readFileSync(join(top, "site", "embed.js"), "utf8");
  assert.ok(
    embed.startsWith(`/*! Recap embed ${VERSION} `),
    `site/embed.js begins with its version: ${embed.slice(0, 60)}`,
  );
  assert.ok(embed.includes(`static version = "${VERSION}";`), "the element's version");
  assert.ok(!embed.includes("@@"), "every placeholder is filled");
  assert.equal(readFileSync(join(top, "npm", "recap-embed", "embed.js"), "utf8"), embed);
});

// The files embed.js loads, relative to it: those it names beside itself, the static imports
// of the modules among them (and theirs), and the wasm-bindgen modules the app loads by name
// from beside its files (the on-demand extractor and search index: `NAME.js` and
// `NAME_bg.wasm`, named in the app's wasm).
function loadedByEmbed(dir) {
  const embed = readFileSync(join(dir, "embed.js"), "utf8");
  const named = [...embed.matchAll(/beside\("([^"]+)"\)/g)].map((found) => found[1]);
  assert.ok(named.length >= 3, `embed.js names the app's script, wasm and stylesheet: ${named}`);
  const loaded = new Set();
  const visit = (file) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    if (!file.endsWith(".js")) return;
    const text = readFileSync(join(dir, file), "utf8");
    for (const found of text.matchAll(/(?:from\s*|import\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(posix.normalize(posix.join(posix.dirname(file), found[1])));
    }
  };
  for (const file of named) visit(file);
  const appWasm = named.find((file) => file.endsWith("_bg.wasm"));
  assert.ok(appWasm, "embed.js names the app's wasm");
  const wasmText = readFileSync(join(dir, appWasm)).toString("latin1");
  for (const file of readdirSync(dir)) {
    const module = file.match(/^(.+)_bg\.wasm$/)?.[1];
    if (module && !loaded.has(file) && existsSync(join(dir, `${module}.js`)) && wasmText.includes(module)) {
      visit(`${module}.js`);
      visit(file);
    }
  }
  return [...loaded].sort();
}

test("the npm package: manifest, and every file the embed loads, the site's own", () => {
  const manifest = JSON.parse(readFileSync(join(npmPackage, "package.json"), "utf8"));
  assert.equal(manifest.name, "recap-embed");
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.exports["."], "./embed.js");
  assert.ok(Array.isArray(manifest.files), "files is a list");

  const packed = filesUnder(npmPackage);
  for (const file of manifest.files) assert.ok(packed.includes(file), `${file} of files is packed`);
  for (const file of ["package.json", "README.md", "embed.js", "LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(packed.includes(file), `package/${file} is packed`);
  }
  const readme = readFileSync(join(npmPackage, "README.md"), "utf8");
  assert.ok(readme.includes('<recap-viewer feed="/feed.json"'), "the README shows the snippet");
  assert.ok(!readme.includes("@@"), "the README's placeholders are filled");

  // Computed from the site (as served there) and checked in the package.
  const loaded = loadedByEmbed(join(top, "site"));
  assert.ok(loaded.some((file) => file.startsWith("snippets/")), `the app's snippets: ${loaded}`);
  assert.ok(loaded.includes("recap-extract_bg.wasm"), `the on-demand extractor: ${loaded}`);
  assert.deepEqual(loadedByEmbed(npmPackage), loaded, "the package's embed loads what the site's does");
  for (const file of loaded) {
    assert.ok(packed.includes(file), `package/${file} (loaded by embed.js) is packed`);
    assert.equal(manifest.exports[`./${file}`], `./${file}`, `exports names ./${file}`);
    assert.equal(
      sha256(join(npmPackage, file)),
      sha256(join(top, "site", file)),
      `package/${file} is the site's`,
    );
  }
  for (const file of ["embed.js", ...loaded]) {
    assert.ok(manifest.files.includes(file), `files lists ${file}`);
  }

  // The folder beside the tarball is what was packed.
  const folder = join(top, "npm", "recap-embed");
  assert.deepEqual(filesUnder(folder), packed);
  for (const file of packed) {
    assert.equal(sha256(join(folder, file)), sha256(join(npmPackage, file)), `npm/recap-embed/${file}`);
  }
});

test("the licence files: MIT and Apache-2.0, in the release and in the package", () => {
  for (const dir of [top, npmPackage]) {
    const where = relative(work, dir);
    const mit = readFileSync(join(dir, "LICENSE-MIT"), "utf8");
    assert.match(mit, /Permission is hereby granted, free of charge/, `${where}/LICENSE-MIT`);
    assert.match(mit, /the Recap contributors/, `${where}/LICENSE-MIT`);
    const apache = readFileSync(join(dir, "LICENSE-APACHE"), "utf8");
    assert.match(apache, /Apache License\s+Version 2\.0, January 2004/, `${where}/LICENSE-APACHE`);
    assert.match(apache, /END OF TERMS AND CONDITIONS/, `${where}/LICENSE-APACHE`);
  }
});

test("the README and docs in the release link only to what the release holds", async () => {
  const { brokenLinks, documents } = await import("../docs/links.mjs");
  const files = documents(top);
  assert.ok(files.includes("README.md") && files.some((f) => f.startsWith("docs/")), `documents: ${files.join(", ")}`);
  assert.deepEqual(files.flatMap((file) => brokenLinks(top, file)), [], "broken links in the release");
});
