// A document as a few plain blocks (headings, paragraphs, lists, tables) written out twice: as Markdown and as one
// self-contained HTML page (inline CSS, every text escaped). The model card builds blocks once and renders both.

/** One block of a card; every string is plain text (never markup). */
export type CardBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** Markdown; `<` and `>` in text become entities so no renderer reads them as HTML. */
export function renderMarkdown(blocks: readonly CardBlock[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
      case 'paragraph':
        return escapeMarkdown(block.text);
      case 'list':
        return block.items.map((item) => `- ${escapeMarkdown(item).replaceAll('\n', '\n  ')}`).join('\n');
      case 'table':
        return [block.header, block.header.map(() => '---'), ...block.rows].map((row) => `| ${row.map(escapeMarkdownCell).join(' | ')} |`).join('\n');
    }
  });
  return `${parts.join('\n\n')}\n`;
}

/** A whole HTML page titled `title`, styled inline, that loads nothing. */
export function renderHtml(title: string, blocks: readonly CardBlock[]): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
      case 'paragraph':
        return block.text.split(/\n{2,}/).map((text) => `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>`).join('\n');
      case 'list':
        return `<ul>\n${block.items.map((item) => `<li>${escapeHtml(item).replaceAll('\n', '<br>')}</li>`).join('\n')}\n</ul>`;
      case 'table': {
        const head = `<tr>${block.header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>`;
        const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
        return `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
      }
    }
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CARD_CSS}</style></head>`,
    `<body><article>\n${body.join('\n')}\n</article></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function escapeMarkdown(text: string): string {
  return text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

const CARD_CSS = [
  'body{margin:0;background:#f7f7f8;color:#1f2328;font:15px/1.5 system-ui,sans-serif}',
  'article{max-width:860px;margin:0 auto;padding:24px 32px;background:#fff}',
  'h1{font-size:1.6em;margin:0 0 .5em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #d8dee4}',
  'table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px solid #d8dee4;padding:4px 8px;text-align:left;vertical-align:top}',
  'th{background:#f0f2f4}ul{padding-left:1.4em}',
].join('');
