// A small Eleventy site for tests/sites/eleventy.test.mjs. The test copies it to a temporary
// folder, runs `recap-feed init` on it, puts Recap's site/ in recap/ and builds it.
export default function (config) {
  config.addPassthroughCopy("recap");
}
