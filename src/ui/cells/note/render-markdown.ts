// Markdown → HTML for Note cells. Raw HTML in the source is escaped (`html: false`), so the output is safe for {@html}.

import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Renders `source` as HTML; HTML tags in the source come out as text. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
