// Recap: the recaps page, /recaps/: the list of events, with a plain list of the posts as what
// shows without script. Its layout: `layout` in _data/recap.mjs.

export const data = {
  permalink: "/recaps/",
  title: "Recaps",
  eleventyExcludeFromCollections: true,
  eleventyComputed: { layout: (data) => data.recap.layout || false },
};

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function render(data) {
  const { recap, collections } = data;
  const list = recap
    .pages(collections)
    .map((post) => `    <li><a href="${escape(post.url)}">${escape(post.data.title ?? post.fileSlug)}</a></li>`)
    .join("\n");
  const body = `<h1>${escape(data.title)}</h1>
<script type="module" src="${escape(recap.script)}"></script>
<recap-viewer feed="${escape(recap.feed)}">
  <ul>
${list}
  </ul>
</recap-viewer>
`;
  if (recap.layout) return body;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(data.title)} · ${escape(recap.site(data).title)}</title>
</head>
<body>
${body}</body>
</html>
`;
}
