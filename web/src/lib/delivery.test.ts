import { describe, expect, it } from 'vitest';
import { modeOf, withMode } from './delivery';

describe('delivery modes', () => {
  it('reads the mode notification-service reports for a type', () => {
    expect(modeOf({ muted: [], types: ['task.assigned'], delivery: { 'task.assigned': 'digest' } }, 'task.assigned')).toBe('digest');
  });
  it('falls back to off for a muted type and live for the rest when the server says nothing', () => {
    const prefs = { muted: ['crm.import'], types: ['crm.import', 'task.assigned'] };
    expect(modeOf(prefs, 'crm.import')).toBe('off');
    expect(modeOf(prefs, 'task.assigned')).toBe('live');
  });
  it('shows a new choice at once without touching the other types', () => {
    const prefs = { muted: [], types: ['a', 'b'], delivery: { a: 'live', b: 'off' } };
    const changed = withMode(prefs, 'a', 'digest');
    expect(modeOf(changed, 'a')).toBe('digest');
    expect(modeOf(changed, 'b')).toBe('off');
    expect(modeOf(prefs, 'a')).toBe('live');
  });
});
