import { describe, expect, it } from 'vitest';
import { flatText, label, memoText } from '../../../src/models/nginx/labels';

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
    const cache = new Map<string, string>();
    let made = 0;
    const make = (k: string) => {
      made++;
      return `<${k}>`;
    };
    expect(memoText(cache, 'a', make)).toBe('<a>');
    expect(memoText(cache, 'a', make)).toBe('<a>');
    expect(memoText(cache, 'b', make)).toBe('<b>');
    expect(made).toBe(2);
  });

  it('keeps a text exactly as it is when making it flat, spaces at either end included', () => {
    const joined = ['pod:default/', 'nginx-', '1'].join('') + ' x'.repeat(8);
    expect(flatText(joined)).toBe(joined);
    expect(flatText(' worker ')).toBe(' worker ');
    expect(flatText('')).toBe('');
    expect(label('worker ', '')).toBe('worker ');
  });
});
