import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { lexMarkdown } from '../../../src/lessons';
import MarkdownBlocks from '../../../src/ui/lesson/Markdown.Blocks.svelte';

/** The rendered HTML of `markdown`, Svelte's hydration comments taken out. */
function html(markdown: string, headingBase = 4): string {
  return render(MarkdownBlocks, { props: { tokens: lexMarkdown(markdown), headingBase } }).body.replace(/<!--[^>]*-->/g, '');
}

describe('Markdown blocks', () => {
  it('shifts heading levels under the step heading and stops at h6', () => {
    const out = html('# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five');
    expect(out).toContain('<h3>One</h3>');
    expect(out).toContain('<h4>Two</h4>');
    expect(out).toContain('<h5>Three</h5>');
    expect(out).toContain('<h6>Four</h6>');
    expect(out).toContain('<h6>Five</h6>');
    expect(html('# Top', 2)).toContain('<h1>Top</h1>');
  });

  it('renders ordered lists with their start number and bullet lists without one', () => {
    expect(html('3. three\n4. four')).toMatch(/^<ol start="3"><li>three<\/li><li>four<\/li><\/ol>$/);
    expect(html('- a\n- b')).toMatch(/^<ul><li>a<\/li><li>b<\/li><\/ul>$/);
  });
});
