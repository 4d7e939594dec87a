import { describe, expect, it } from 'vitest';
import { flat } from '../../../src/sim';
import { label, textMemo } from '../../../src/models/nginx/labels';

describe('repeated decision texts', () => {
  it('writes the prefix then the value', () => {
    expect(label('upstream peer ', '10.0.0.1:80')).toBe('upstream peer 10.0.0.1:80');
    expect(label('worker ', 1)).toBe('worker 1');
    expect(label('worker ', '1')).toBe('worker 1');
  });

  it('keeps texts with different prefixes or values apart', () => {
    expect(label('retry after ', 'a')).toBe('retry after a');
    expect(label('give up after ', 'a')).toBe('give up after a');
    expect(label('retry after ', 'b')).toBe('retry after b');
  });

  it('still gives the right texts after more values than it keeps', () => {
    for (let i = 0; i < 5000; i++) expect(label('n ', i)).toBe(`n ${i}`);
    expect(label('worker ', 0)).toBe('worker 0');
  });

  it('makes a memoized text from its key, and the same text again for the same key', () => {
    let made = 0;
    const texts = textMemo((k: string) => {
      made++;
      return `<${k}>`;
    });
    expect(texts.get('a')).toBe('<a>');
    expect(texts.get('a')).toBe('<a>');
    expect(texts.get('b')).toBe('<b>');
    expect(made).toBe(2);
  });

  it('keeps a text exactly as it is when making it flat, spaces at either end included', () => {
    const joined = ['pod:default/', 'nginx-', '1'].join('') + ' x'.repeat(8);
    expect(flat(joined)).toBe(joined);
    expect(flat(' worker ')).toBe(' worker ');
    expect(flat('')).toBe('');
    expect(label('worker ', '')).toBe('worker ');
  });
});
