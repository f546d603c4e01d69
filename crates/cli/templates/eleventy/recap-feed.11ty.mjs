// Recap: a JSON Feed 1.1 of the site's recaps (https://jsonfeed.org/version/1.1), written with
// JSON.stringify. Which pages, the front matter names and the site's address: _data/recap.mjs.

export const data = {
  permalink: (data) => data.recap.feed,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  const { recap, collections } = data;
  const site = recap.site(data);
  const absolute = (path) => new URL(path, `${site.url}/`).href;
  const items = recap.pages(collections).map((post) => {
    const front = post.data;
    const item = {
      id: recap.eventId(post, front.slug),
      url: absolute(post.url),
      title: front.title ?? post.fileSlug,
    };
    if (front.description) item.summary = String(front.description);
    item.content_html = post.content;
    if (front.image) {
      const image = String(front.image);
      item.image = image.startsWith("/") && !image.startsWith("//") ? site.url + image : image;
    }
    item.date_published = post.date.toISOString();
    const tags = [front.tags ?? []].flat().map(String);
    if (tags.length > 0) item.tags = tags;
    item._recap = {
      location: front[recap.keys.location] ?? null,
      video: front[recap.keys.video] ?? null,
    };
    return item;
  });
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    home_page_url: absolute("/"),
    feed_url: absolute(recap.feed),
  };
  if (site.description) feed.description = site.description;
  feed.items = items;
  return JSON.stringify(feed, null, 2);
}
