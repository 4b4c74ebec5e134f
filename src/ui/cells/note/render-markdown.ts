// Markdown → HTML. Raw HTML in the source is escaped (`html: false`), so the output is safe for {@html}.
// Two renderers: a Note cell's (the user's own words: links and bare URLs become links) and one for text that
// carries the user's data — a model card lists column names and category levels — where nothing becomes a link
// or an image: a value such as "https://example.com" or "[x](https://…)" from a file stays text.

import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
const dataMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['link', 'image', 'autolink']);

/** Renders a Note's `source` as HTML; HTML tags in the source come out as text. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Renders markdown that holds the user's data (model cards): HTML, links and images in it come out as text. */
export function renderDataMarkdown(source: string): string {
  return dataMarkdown.render(source);
}
