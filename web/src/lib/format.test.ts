import { describe, expect, it } from 'vitest';
import { addDays, dayKey, formatDateTime, formatMoney, formatNumber, formatRelative, formatSize, fromLocalInput, startOfDay, toLocalInput, wallTime, zonedInstant } from './format';
import { ar, en, languageOf, translate } from '../i18n/messages';

describe('time zones', () => {
  it('reads a datetime-local value in the user zone, not the browser zone', () => {
    expect(fromLocalInput('2026-11-23T09:00', 'Asia/Riyadh').toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(fromLocalInput('2026-11-23T09:00:30', 'UTC').toISOString()).toBe('2026-11-23T09:00:30.000Z');
    expect(toLocalInput('2026-11-23T06:00:00Z', 'Asia/Riyadh')).toBe('2026-11-23T09:00');
  });

  it('finds midnight and keeps the wall clock across a daylight-saving change', () => {
    const zone = 'America/New_York';
    expect(startOfDay(new Date('2026-03-08T15:00:00Z'), zone).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    const nineBefore = zonedInstant({ year: 2026, month: 3, day: 7, hour: 9 }, zone);
    const nineAfter = addDays(nineBefore, 1, zone);
    expect(wallTime(nineAfter, zone).hour).toBe(9);
    expect(nineAfter.getTime() - nineBefore.getTime()).toBe(23 * 3600 * 1000);
  });

  it('keys a day by the zone date', () => {
    expect(dayKey('2026-11-23T22:30:00Z', 'Asia/Riyadh')).toBe('2026-11-24');
    expect(dayKey('2026-11-23T22:30:00Z', 'UTC')).toBe('2026-11-23');
  });
});

describe('formatting', () => {
  it('formats in the user locale and zone', () => {
    expect(formatDateTime('2026-11-23T06:00:00Z', { locale: 'en', timeZone: 'Asia/Riyadh' })).toMatch(/Nov 23, 2026.*9:00/);
    expect(formatDateTime('2026-11-23T06:00:00Z', { locale: 'ar', timeZone: 'UTC' })).toMatch(/2026|٢٠٢٦/);
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatSize(512, 'en')).toBe('512 byte');
    expect(formatSize(20_480, 'en')).toBe('20.5 kB');
    expect(formatSize(20_000_000, 'en')).toBe('20 MB');
    expect(formatSize(1_500_000, 'ar')).toMatch(/^(1\.5|١٫٥) /);
    expect(formatSize(1_500_000, 'ar')).not.toContain('MB');
  });

  it('says relative times', () => {
    expect(formatRelative('2026-01-01T00:05:00Z', new Date('2026-01-01T00:00:00Z'), 'en')).toBe('in 5 minutes');
  });
});

describe('messages', () => {
  it('has an Arabic text for every English key', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    expect(Object.values(ar).every((v) => v.trim().length > 0)).toBe(true);
  });

  it('follows the locale and fills parameters', () => {
    expect(languageOf('ar-SA')).toBe('ar');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
    expect(translate('en', 'unreadCount', { count: 3 })).toBe('3 unread notifications');
  });
});

describe('formatMoney', () => {
  it('formats a decimal string exactly in the locale, with its currency', () => {
    expect(formatMoney('1200.50', 'SAR', 'en').replace(/\s/g, ' ')).toBe('SAR 1,200.50');
    expect(formatMoney('12345678901234567.89', 'USD', 'en')).toBe('$12,345,678,901,234,567.89');
    expect(formatMoney('1200.50', 'SAR', 'ar')).toBe(new Intl.NumberFormat('ar', { style: 'currency', currency: 'SAR' }).format(1200.5));
  });
  it('falls back to the value and code for a currency it does not know', () => {
    expect(formatMoney('5', 'NOPE1', 'en')).toBe('5 NOPE1');
  });
});
