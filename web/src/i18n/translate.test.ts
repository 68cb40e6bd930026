import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatNumber } from './formatters';
import { resolveLang } from './lang';
import { translate } from './translate';

describe('translate', () => {
  it('fills placeholders and shows an unknown key as itself', () => {
    expect(translate('zh', 'state.waitingForApi', { error: 'HTTP 503' })).toBe('正在等待 CityTwin 服务…（HTTP 503）');
    expect(translate('en', 'state.waitingForApi', {})).toBe('Waiting for the CityTwin API… ({error})');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('resolveLang', () => {
  it.each([
    ['en', 'beijing', 'zh-CN', 'en'],
    [null, 'beijing', 'en-US', 'zh'],
    [null, 'nyc', 'zh-TW', 'zh'],
    [null, 'nyc', 'en-US', 'en'],
    ['fr', 'nyc', undefined, 'en'],
  ] as const)('lang=%s city=%s browser=%s -> %s', (url, city, browser, expected) => {
    expect(resolveLang(url, city, browser)).toBe(expected);
  });
});

describe('formatters', () => {
  it('format numbers and the city local time per language', () => {
    const noonUtc = Date.parse('2026-06-01T12:00:00Z');
    expect(formatNumber('en', 12345.678, 1)).toBe('12,345.7');
    expect(formatClock('zh', noonUtc, 'Asia/Shanghai')).toBe('20:00');
    expect(formatClock('en', noonUtc, 'America/New_York')).toBe('08:00');
    expect(formatDateTime('en', noonUtc, 'Asia/Shanghai')).toBe('01/06/2026, 20:00');
    expect(formatDateTime('zh', noonUtc, 'Asia/Shanghai')).toBe('2026/06/01 20:00');
  });
});
