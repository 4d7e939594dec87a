import { it, expect } from 'vitest';
it('runs vitest', () => { expect(1 + 1).toBe(2); });
