import { describe, expect, it } from 'vitest';
import { rangeOf } from './calendar';
import { dayKey } from './format';

const zone = 'Asia/Riyadh';
// Wednesday 2026-12-02, midday in Riyadh
const anchor = new Date('2026-12-02T09:00:00Z');
const keys = (days: Date[]) => days.map((d) => dayKey(d, zone));

describe('rangeOf', () => {
  it('starts a week on Monday by default', () => {
    const week = rangeOf('week', anchor, zone);
    expect(keys(week.days)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
  });

  it("starts a week on the organisation's week start", () => {
    expect(keys(rangeOf('week', anchor, zone, 'SUNDAY').days)[0]).toBe('2026-11-29');
    expect(keys(rangeOf('week', anchor, zone, 'SATURDAY').days)[0]).toBe('2026-11-28');
    expect(keys(rangeOf('week', anchor, zone, 'WEDNESDAY').days)[0]).toBe('2026-12-02');
  });

  it("lays a month out in weeks from the organisation's week start", () => {
    // December 2026 begins on a Tuesday
    const sunday = rangeOf('month', anchor, zone, 'SUNDAY');
    expect(keys(sunday.days)[0]).toBe('2026-11-29');
    expect(sunday.days).toHaveLength(42);
    expect(keys(rangeOf('month', anchor, zone, 'MONDAY').days)[0]).toBe('2026-11-30');
    expect(keys(rangeOf('month', anchor, zone, 'TUESDAY').days)[0]).toBe('2026-12-01');
  });

  it('falls back to Monday for a day it does not know', () => {
    expect(keys(rangeOf('week', anchor, zone, 'someday').days)[0]).toBe('2026-11-30');
  });
});
