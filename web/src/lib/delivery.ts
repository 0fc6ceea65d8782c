/** How a kind of notification reaches the user: live, in the daily digest, or not at all. */
export type DeliveryMode = 'live' | 'digest' | 'off';

export const deliveryModes: DeliveryMode[] = ['live', 'digest', 'off'];

/** `GET /api/notifications/preferences`. */
export interface NotificationPreferences {
  muted: string[];
  types: string[];
  delivery?: Record<string, string>;
}

/** The mode of a type: as notification-service reports it, else off when muted, else live. */
export function modeOf(prefs: NotificationPreferences, type: string): DeliveryMode {
  const reported = prefs.delivery?.[type];
  if (reported === 'live' || reported === 'digest' || reported === 'off') {
    return reported;
  }
  return prefs.muted.includes(type) ? 'off' : 'live';
}

/**
 * The preferences as they will be once the choice saved on `/api/users/me` reaches
 * notification-service (a moment later, through its event): shown at once.
 */
export function withMode(prefs: NotificationPreferences, type: string, mode: DeliveryMode): NotificationPreferences {
  return { ...prefs, delivery: { ...(prefs.delivery ?? {}), [type]: mode } };
}
