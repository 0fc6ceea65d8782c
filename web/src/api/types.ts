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

export interface Company {
  id: string;
  name: string;
  domain?: string | null;
  industry?: string | null;
  size?: string | null;
  phone?: string | null;
  address?: string | null;
  tags?: string[];
  ownerId?: string | null;
  createdAt?: string;
}

export interface CrmContact extends Contact {
  title?: string | null;
  companyId?: string | null;
  ownerId?: string | null;
}

export interface Money {
  value: string;
  currency: string;
}

export interface Deal {
  id: string;
  title: string;
  amount: Money;
  pipelineId: string;
  stage: string;
  companyId?: string | null;
  contactIds?: string[];
  ownerId?: string | null;
  expectedCloseAt?: string | null;
  closedAt?: string | null;
  lostReason?: string | null;
  createdAt?: string;
}

export interface Stage {
  key: string;
  name: string;
  probability: number;
}

export interface Pipeline {
  id: string;
  name: string;
  stages: Stage[];
}

export interface BoardStage extends Stage {
  count: number;
  total: Record<string, string>;
  deals: Deal[];
}

export interface DealBoard {
  pipelineId: string;
  stages: BoardStage[];
}

export interface Activity {
  id: string;
  type: 'note' | 'call' | 'email' | 'meeting' | 'system';
  event?: string | null;
  subject: string;
  body?: string | null;
  occurredAt: string;
  contactId?: string | null;
  companyId?: string | null;
  dealId?: string | null;
  ownerId?: string | null;
}

export interface ImportJob {
  id: string;
  entity: 'contacts' | 'companies';
  mode: 'create' | 'upsert' | 'update';
  dryRun: boolean;
  status: 'running' | 'done' | 'failed' | 'reverted';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; field?: string | null; message: string }[];
  createdAt?: string;
  finishedAt?: string | null;
}

export interface TaskDetail extends Task {
  checklist?: { text: string; done: boolean }[];
  watcherIds?: string[];
  createdBy?: string;
  rank?: string;
  completedAt?: string | null;
}

export interface TaskBoard {
  columns: { status: Task['status']; tasks: Task[] }[];
}

export interface Comment {
  id: string;
  taskId?: string;
  authorId: string;
  body: string;
  mentionIds?: string[];
  createdAt: string;
  updatedAt?: string;
}
