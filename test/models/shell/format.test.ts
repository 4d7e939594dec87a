import { describe, expect, it } from 'vitest';
import { age, DESCRIBE, GET_TABLE, humanDuration, rfc1123z, tabwrite } from '../../../src/models/shell';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('kubectl ages (HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [-900, '0s'],
    [-2500, '<invalid>'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [5 * M + 12 * S, '5m12s'],
    [10 * M + 5 * S, '10m'],
    [131 * M, '131m'],
    [3 * H, '3h'],
    [3 * H + 7 * M, '3h7m'],
    [9 * H + 59 * M, '9h'],
    [47 * H, '47h'],
    [3 * D, '3d'],
    [4 * D + 21 * H, '4d21h'],
    [9 * D + 5 * H, '9d'],
    [800 * D, '2y70d'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('measures an age from the creation time to now', () => {
    expect(age(10 * S, 5 * M + 22 * S)).toBe('5m12s');
  });
});

describe('tabwriter', () => {
  it('pads each column to its widest cell plus three spaces, with a minimum of six, as kubectl get does', () => {
    const text = 'NAME\tREADY\tAGE\nweb-1\t1/1\t5m\n';
    expect(tabwrite(text, GET_TABLE)).toBe('NAME    READY   AGE\nweb-1   1/1     5m\n');
  });

  it('never pads the last cell of a line', () => {
    expect(tabwrite('a\tb\nlonger\tc\n', GET_TABLE)).toBe('a        b\nlonger   c\n');
  });

  it('aligns a column only within a block of consecutive lines that have it', () => {
    const text = 'Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/web\nContainers:\n';
    expect(tabwrite(text, DESCRIBE)).toBe('Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/web\nContainers:\n');
  });
});

describe('describe dates', () => {
  it("formats Go's RFC1123Z in UTC", () => {
    expect(rfc1123z(Date.UTC(2024, 0, 1, 0, 0, 5))).toBe('Mon, 01 Jan 2024 00:00:05 +0000');
  });
});
