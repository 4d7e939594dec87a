import { describe, it, expect } from 'vitest';
import { flat, PairTexts, TextPool } from '../../src/sim/text-pool';

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

  it('tells apart texts of the same length, or of lengths 64 apart, asked for in turn', () => {
    const pool = new TextPool();
    const texts = ['kube-proxy:node-1', 'kube-proxy:node-2', 'kube-proxy:node-1', 'x'.repeat(81), 'kube-proxy:node-2', 'x'.repeat(17)];
    for (let round = 0; round < 3; round++) expect(texts.map((t) => pool.share(`${t}`))).toEqual(texts);
  });

  it('flattens recent texts to equal ones, whether the same string comes again or another of its length', () => {
    const pool = new TextPool();
    const ip = (n: number) => `10.0.1.${n}`;
    const texts = [`${ip(10)}:32768`, `${ip(10)}:32768`, `${ip(10)}:32769`, `${ip(11)}:32768`, 'SYN', `${ip(10)}:32768`, 'x'.repeat(79)];
    const same = texts[0]!;
    for (let round = 0; round < 2; round++) {
      expect(texts.map((t) => pool.flatRecent(t))).toEqual(texts);
      expect(pool.flatRecent(same)).toBe(same);
    }
  });

  it('still answers equal texts after more distinct texts than it holds', () => {
    const pool = new TextPool();
    for (let i = 0; i < 10_000; i++) expect(pool.share(`peer ${i}`)).toBe(`peer ${i}`);
    expect(pool.share('peer 3')).toBe('peer 3');
  });
});

describe('PairTexts', () => {
  it('answers each pair with the text made from it', () => {
    const texts = new PairTexts<string, number>((ip, port) => `${ip}:${port}`);
    expect([texts.get('10.0.0.1', 80), texts.get('10.0.0.1', 443), texts.get('10.0.0.2', 80), texts.get('10.0.0.1', 80)]).toEqual([
      '10.0.0.1:80',
      '10.0.0.1:443',
      '10.0.0.2:80',
      '10.0.0.1:80',
    ]);
  });

  it('makes a text once per pair while it holds it', () => {
    let made = 0;
    const texts = new PairTexts<string, string>((target, method) => {
      made++;
      return `${method} ${target}`;
    });
    for (let i = 0; i < 5; i++) texts.get('/api', 'GET');
    texts.get('/api', 'POST');
    expect(made).toBe(2);
  });

  it('still answers every pair after more pairs than it holds', () => {
    const texts = new PairTexts<string, number>((ip, port) => `${ip}:${port}`);
    for (let port = 32768; port < 42768; port++) expect(texts.get('198.51.100.7', port)).toBe(`198.51.100.7:${port}`);
    expect(texts.get('198.51.100.7', 32768)).toBe('198.51.100.7:32768');
  });
});
