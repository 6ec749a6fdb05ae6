import { describe, expect, it } from 'vitest';
import { clampVersion, stepVersion } from './replay';

describe('clampVersion', () => {
  it.each([
    { value: 3, latest: 10, expected: 3 },
    { value: 3.6, latest: 10, expected: 4 },
    { value: -2, latest: 10, expected: 0 },
    { value: 12, latest: 10, expected: 10 },
    { value: Number.NaN, latest: 10, expected: 0 },
    { value: 5, latest: -1, expected: 0 },
  ])('$value of 0..$latest → $expected', ({ value, latest, expected }) => {
    expect(clampVersion(value, latest)).toBe(expected);
  });

  it('steps within the versions', () => {
    expect(stepVersion(0, -1, 5)).toBe(0);
    expect(stepVersion(4, 1, 5)).toBe(5);
    expect(stepVersion(5, 1, 5)).toBe(5);
  });
});
