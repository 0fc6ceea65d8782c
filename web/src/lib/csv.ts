import type { ImportJob } from '../api/types';

/**
 * What the import wizard shows before and after a run: the file's columns as the server
 * will map them, and a report of the import's counts and errors.
 */
export type Entity = 'contacts' | 'companies';

export const COLUMNS: Record<Entity, string[]> = {
  contacts: ['firstName', 'lastName', 'email', 'phone', 'title', 'companyId', 'tags', 'ownerId'],
  companies: ['name', 'domain', 'industry', 'size', 'phone', 'address', 'tags', 'ownerId'],
};

/** A column name as the server matches it: any case, spaces, dashes or underscores (`First Name` is `firstName`). */
export function canonical(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/[\s_-]+/g, '').toLowerCase();
}

/** The fields of one CSV line (RFC 4180 quotes; a quote doubled inside quotes is a quote). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cell); cell = ''; }
    else cell += ch;
  }
  out.push(cell);
  return out;
}

export interface Preview {
  columns: { name: string; field: string | null }[];
  /** the first column the entity needs (firstName, name) is there */
  hasRequired: boolean;
  /** data rows, not counting the header or blank lines (an estimate when a cell spans lines) */
  rows: number;
}

/** The header mapped onto the entity's fields, and the number of rows. */
export function preview(text: string, entity: Entity): Preview {
  const lines = text.split(/\r\n|\n|\r/);
  const header = splitLine(lines[0] ?? '');
  const fields = COLUMNS[entity];
  const columns = header.filter((h) => h.trim() !== '').map((name) => ({ name: name.trim(), field: fields.find((f) => canonical(f) === canonical(name)) ?? null }));
  return {
    columns,
    hasRequired: columns.some((c) => c.field === fields[0]),
    rows: lines.slice(1).filter((l) => l.trim() !== '').length,
  };
}

export interface Report {
  finished: boolean;
  /** 0–100 */
  percent: number;
  ok: number;
  failed: number;
  /** errors grouped by row, rows in order */
  errors: { row: number; messages: string[] }[];
  /** more rows failed than the report kept */
  truncated: boolean;
}

/** The wizard's report of an import (or a dry run) as it is now. */
export function report(job: ImportJob): Report {
  const finished = job.status !== 'running';
  const percent = job.total > 0 ? Math.min(100, Math.floor((job.processed * 100) / job.total)) : finished ? 100 : 0;
  const byRow = new Map<number, string[]>();
  for (const e of job.errors ?? []) {
    const text = e.field ? `${e.field}: ${e.message}` : e.message;
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), text]);
  }
  const errors = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, messages]) => ({ row, messages }));
  return {
    finished,
    percent,
    ok: job.created + job.updated + job.unchanged,
    failed: job.failed,
    errors,
    truncated: job.failed > errors.length,
  };
}
