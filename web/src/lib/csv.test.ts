import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../api/types';
import { canonical, preview, report, splitLine } from './csv';

describe('the CSV preview', () => {
  it('maps header names the way the server does, whatever their case, spaces, dashes or underscores', () => {
    expect(canonical('First Name')).toBe(canonical('firstName'));
    expect(canonical('e_mail')).toBe(canonical('E-Mail'));
    expect(canonical('\uFEFFlast-name')).toBe('lastname');
    const p = preview('First Name,E-mail,Shoe size\nLayla,l@x.com,40\n\nOmar,o@x.com,42\n', 'contacts');
    expect(p.columns).toEqual([
      { name: 'First Name', field: 'firstName' },
      { name: 'E-mail', field: 'email' },
      { name: 'Shoe size', field: null },
    ]);
    expect(p.rows).toBe(2);
    expect(p.hasRequired).toBe(true);
  });
  it('says when the first column the entity needs is missing', () => {
    expect(preview('domain,phone\nacme.com,1\n', 'companies').hasRequired).toBe(false);
    expect(preview('Name,domain\r\nAcme,acme.com\r\n', 'companies').hasRequired).toBe(true);
  });
  it('splits quoted cells with commas and doubled quotes', () => {
    expect(splitLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });
});

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'i', entity: 'contacts', mode: 'create', dryRun: true, status: 'running', total: 10, processed: 0,
  created: 0, updated: 0, unchanged: 0, failed: 0, errors: [], ...over,
});

describe('the import report', () => {
  it('shows progress as a whole percentage of the rows', () => {
    expect(report(job({ processed: 3, total: 8 })).percent).toBe(37);
    expect(report(job({ processed: 0, total: 0 })).percent).toBe(0);
    expect(report(job({ status: 'done', total: 0 })).percent).toBe(100);
  });
  it('counts rows that went through and groups errors by row in order', () => {
    const r = report(job({
      status: 'done', processed: 10, created: 5, updated: 2, unchanged: 1, failed: 2,
      errors: [{ row: 7, field: 'email', message: 'is taken' }, { row: 3, field: null, message: 'ragged row' }, { row: 7, field: 'phone', message: 'too long' }],
    }));
    expect(r.finished).toBe(true);
    expect(r.ok).toBe(8);
    expect(r.errors).toEqual([{ row: 3, messages: ['ragged row'] }, { row: 7, messages: ['email: is taken', 'phone: too long'] }]);
    expect(r.truncated).toBe(false);
  });
  it('says when more rows failed than the report kept', () => {
    expect(report(job({ failed: 1500, errors: [{ row: 2, message: 'x' }] })).truncated).toBe(true);
  });
});
