// Every relative link, image and `#anchor` in the project's Markdown resolves: the file or folder
// exists, and an anchor matches a heading of the target file as GitHub makes its slugs (or an
// explicit `id`/`name`). Links to other sites are not followed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// The Markdown files whose links are checked, relative to `root`.
export function documents(root) {
  const files = ["README.md", "CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md"].filter((f) => existsSync(join(root, f)));
  const walk = (dir) =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith(".md") ? [path] : [];
    });
  if (existsSync(join(root, "docs"))) files.push(...walk("docs"));
  return files;
}

// The text outside fenced code blocks, line by line (with line numbers), inline code removed.
function proseLines(text) {
  const lines = [];
  let fence = null;
  text.split("\n").forEach((line, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = null;
      return;
    }
    if (fence === null) lines.push([i + 1, line.replace(/(`+)[^`]*?\1/g, "")]);
  });
  return lines;
}

// GitHub's heading slug: lower case, punctuation other than `-` and `_` dropped, spaces to `-`;
// inline markup reduced to its text. Repeats get `-1`, `-2`, …
export function slugs(text) {
  const seen = new Map();
  const out = new Set();
  let fence = null;
  for (const line of text.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    for (const [, id] of line.matchAll(/<a\s+[^>]*(?:id|name)="([^"]+)"/g)) out.add(id);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const plain = heading[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .replace(/[`*]/g, "")
      .replace(/(^|\s)_+|_+(\s|$)/g, "$1$2");
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

// The links and images of a Markdown text: inline `[text](target "title")`, `![alt](src)`,
// reference definitions `[label]: target`, and HTML `href`/`src`.
export function links(text) {
  const found = [];
  for (const [line, prose] of proseLines(text)) {
    for (const [, target] of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push([line, target]);
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+".*")?\s*$/.exec(prose);
    if (definition) found.push([line, definition[1]]);
    for (const [, target] of prose.matchAll(/\b(?:href|src)="([^"]+)"/g)) found.push([line, target]);
  }
  return found;
}

// What is wrong with the links of `file` (relative to `root`): one message per broken link.
export function brokenLinks(root, file) {
  const text = readFileSync(join(root, file), "utf8");
  const problems = [];
  for (const [line, target] of links(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
    const [pathPart, anchor] = target.split("#", 2);
    const path = decodeURIComponent(pathPart);
    const resolved = path === "" ? join(root, file) : path.startsWith("/") ? join(root, path) : join(root, dirname(file), path);
    const where = `${file}:${line}: ${target}`;
    if (!resolved.startsWith(root)) {
      problems.push(`${where}: leaves the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${where}: ${relative(root, resolved)} does not exist`);
      continue;
    }
    if (anchor === undefined || anchor === "") continue;
    if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) {
      problems.push(`${where}: an anchor into ${relative(root, resolved)}, which is not a Markdown file`);
      continue;
    }
    const known = slugs(readFileSync(resolved, "utf8"));
    if (!known.has(decodeURIComponent(anchor))) {
      problems.push(`${where}: no heading #${anchor} in ${relative(root, resolved)}`);
    }
  }
  return problems;
}
