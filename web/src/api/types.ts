import type { Page } from './client';

export interface Task {
  id: string;
  title: string;
  description?: string | null;
  status: 'todo' | 'in_progress' | 'blocked' | 'done';
  priority: 'low' | 'medium' | 'high' | 'urgent';
  assigneeId?: string | null;
  dueAt?: string | null;
  labels?: string[];
  createdAt?: string;
}

export const STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

export interface Contact {
  id: string;
  firstName: string;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  createdAt?: string;
}

export interface Occurrence {
  eventId: string;
  seriesId?: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay?: boolean;
  location?: string | null;
  timeZone?: string;
  recurring?: boolean;
}

export interface CalendarEvent {
  id: string;
  title: string;
  description?: string | null;
  location?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  allDay?: boolean;
  recurrence?: string | null;
  reminders: { minutesBefore: number }[];
  attendeeIds?: string[];
  creatorId?: string;
}

export interface Role {
  name: string;
  description?: string;
  permissions: string[];
  builtIn: boolean;
}

export type { Page };
