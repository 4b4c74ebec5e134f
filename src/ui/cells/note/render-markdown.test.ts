import { describe, expect, it } from 'vitest';
import { renderDataMarkdown, renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders headings, emphasis and lists', () => {
    expect(renderMarkdown('# Goal\n\nPredict **species**.\n\n- bill\n- flipper')).toBe(
      '<h1>Goal</h1>\n<p>Predict <strong>species</strong>.</p>\n<ul>\n<li>bill</li>\n<li>flipper</li>\n</ul>\n',
    );
  });

  it('escapes raw HTML and refuses javascript: links', () => {
    expect(renderMarkdown('<img src=x onerror="alert(1)"> [x](javascript:alert(1))')).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; [x](javascript:alert(1))</p>\n',
    );
  });
});

describe('renderDataMarkdown', () => {
  it('keeps the structure of a card but makes no link or image from its data', () => {
    expect(renderDataMarkdown('## Inputs\n\n- level <a href="https://example.com/">link</a>, https://example.com, [x](https://example.com) ![i](https://example.com/i.png)')).toBe(
      '<h2>Inputs</h2>\n<ul>\n<li>level &lt;a href=&quot;https://example.com/&quot;&gt;link&lt;/a&gt;, https://example.com, [x](https://example.com) ![i](https://example.com/i.png)</li>\n</ul>\n',
    );
  });
});
