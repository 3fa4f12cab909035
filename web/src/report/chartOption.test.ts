import { describe, expect, it } from 'vitest';
import { chartOption, formatPercent, perMilleToPercent } from './chartOption';
import { newRenderKey, nextProgress } from './renderKey';

describe('chartOption', () => {
  it('turns per mille into percent per series and keeps gaps', () => {
    const option = chartOption(
      { id: 'c', title: 'T', categories: ['①', '②'], series: [{ name: '③', values: [875, null] }] },
      false,
    );
    expect(option.animation).toBe(false);
    expect(option.xAxis.data).toEqual(['①', '②']);
    expect(option.series[0]).toEqual({ name: '③', type: 'bar', data: [87.5, null] });
    expect(option.yAxis.max).toBe(100);
  });

  it('formats like the server', () => {
    expect(perMilleToPercent(899)).toBe(89.9);
    expect(formatPercent(89.9)).toBe('89.9%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('render keys and progress', () => {
  it('makes 32 hex characters from 16 random bytes', () => {
    const key = newRenderKey((bytes) => bytes.fill(171));
    expect(key).toBe('ab'.repeat(16));
    expect(newRenderKey()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never goes back and stays within 0..100', () => {
    expect(nextProgress(40, 30)).toBe(40);
    expect(nextProgress(40, 65)).toBe(65);
    expect(nextProgress(40, 250)).toBe(100);
    expect(nextProgress(40, undefined)).toBe(40);
  });
});
