import { describe, expect, it } from 'vitest';
import { changedFields, fromRrule, scopeQuery, timesForScope, toRrule, untilOf } from './recurrence';

describe('recurrence helpers', () => {
  it('writes an RRULE with weekdays in calendar order and reads it back', () => {
    const rule = toRrule({ freq: 'WEEKLY', interval: 2, byDay: ['FR', 'MO'], end: { kind: 'count', count: 6 } });
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=6');
    expect(fromRrule(rule)).toEqual({ freq: 'WEEKLY', interval: 2, byDay: ['MO', 'FR'], end: { kind: 'count', count: 6 } });
  });

  it('reads UNTIL, an RRULE: prefix and lower case; rejects what it cannot edit', () => {
    expect(fromRrule('RRULE:freq=daily;until=20261231T235959Z')).toEqual({ freq: 'DAILY', interval: 1, byDay: [], end: { kind: 'until', until: '20261231T235959Z' } });
    expect(fromRrule('FREQ=HOURLY')).toBeNull();
    expect(fromRrule(null)).toBeNull();
    expect(toRrule(null)).toBeNull();
  });

  it('drops BYDAY for a non-weekly rule and an interval of 1', () => {
    expect(toRrule({ freq: 'MONTHLY', interval: 1, byDay: ['MO'], end: { kind: 'never' } })).toBe('FREQ=MONTHLY');
  });

  it('formats UNTIL in UTC basic format', () => {
    expect(untilOf(new Date('2026-12-31T20:59:59.000Z'))).toBe('20261231T205959Z');
  });

  const series = { startsAt: '2026-11-02T06:00:00Z', endsAt: '2026-11-02T07:00:00Z' };
  const occurrence = { startsAt: '2026-11-16T06:00:00Z', endsAt: '2026-11-16T07:00:00Z' };
  const edited = { startsAt: '2026-11-16T07:30:00Z', endsAt: '2026-11-16T09:00:00Z' };

  it('this or following: the occurrence takes the new times', () => {
    expect(timesForScope('this', series, occurrence, edited)).toEqual(edited);
    expect(timesForScope('following', series, occurrence, edited)).toEqual(edited);
  });

  it('all: the series moves by the same shift from its own start, with the new duration', () => {
    expect(timesForScope('all', series, occurrence, edited)).toEqual({ startsAt: '2026-11-02T07:30:00.000Z', endsAt: '2026-11-02T09:00:00.000Z' });
  });

  it('names the occurrence except for the whole series', () => {
    expect(scopeQuery('this', occurrence.startsAt)).toEqual({ scope: 'this', occurrence: occurrence.startsAt });
    expect(scopeQuery('following', occurrence.startsAt)).toEqual({ scope: 'following', occurrence: occurrence.startsAt });
    expect(scopeQuery('all', occurrence.startsAt)).toEqual({ scope: 'all' });
  });

  it('keeps only changed fields', () => {
    expect(changedFields({ title: 'a', reminders: [{ minutesBefore: 5 }], recurrence: null }, { title: 'a', reminders: [{ minutesBefore: 10 }], recurrence: null })).toEqual({ reminders: [{ minutesBefore: 10 }] });
  });
});
