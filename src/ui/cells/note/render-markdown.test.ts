import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

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
