import { describe, it, expect } from 'vitest';
import { flat, TextPool } from '../../src/sim/text-pool';

describe('flat', () => {
  it('returns a text built by concatenation unchanged in value', () => {
    const port = 32768 + Number('1');
    expect(flat(`SYN 10.0.0.5:${port} → 10.0.1.10:80`)).toBe('SYN 10.0.0.5:32769 → 10.0.1.10:80');
  });

  it('keeps the white space at either end of a text', () => {
    const pad = ' ';
    expect(flat(`${pad}GET / ${pad}`)).toBe(' GET /  ');
    expect(flat('\tline\n')).toBe('\tline\n');
    expect(flat('')).toBe('');
  });
});

describe('TextPool', () => {
  it('answers each text with an equal one, whether seen before or not', () => {
    const pool = new TextPool();
    const texts = ['GET /', 'location /api/', 'GET /', ' padded ', 'location /api/'];
    expect(texts.map((t) => pool.share(`${t}`))).toEqual(texts);
  });

  it('still answers equal texts after more distinct texts than it holds', () => {
    const pool = new TextPool();
    for (let i = 0; i < 10_000; i++) expect(pool.share(`peer ${i}`)).toBe(`peer ${i}`);
    expect(pool.share('peer 3')).toBe('peer 3');
  });
});
