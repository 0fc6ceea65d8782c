import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../../app';
import type { ImportJob } from '../../api/types';
import { preview, report, type Entity } from '../../lib/csv';
import { formatNumber } from '../../lib/format';
import { Button, ErrorText, Failed, PageHeader, SelectField, TextArea } from '../../ui/ui';
import { ExportButton } from './common';

type Mode = 'create' | 'upsert' | 'update';

/**
 * The CSV import wizard: choose what to import and how, upload or paste the file, see its
 * columns, run a dry run and read its report, then import for real and watch the progress.
 */
export default function Import() {
  const { api, t, fmt } = useHub();
  const queries = useQueryClient();
  const [entity, setEntity] = useState<Entity>('contacts');
  const [mode, setMode] = useState<Mode>('create');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const shown = text.trim() ? preview(text, entity) : null;
  const dry = useImport(dryRunId);
  const run = useImport(runId);
  useEffect(() => {
    if (run.data && run.data.status !== 'running') void queries.invalidateQueries({ queryKey: [entity] });
  }, [run.data, entity, queries]);
  function reset() {
    setDryRunId(null);
    setRunId(null);
    setError(null);
  }
  async function start(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const job = await api.postText<ImportJob>('/api/crm/imports', text, 'text/csv', { entity, mode, dryRun });
      if (dryRun) setDryRunId(job.id);
      else setRunId(job.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const dryDone = dry.data && dry.data.status !== 'running';
  return (
    <>
      <PageHeader title={t('importExport')} />
      <section className="card" aria-labelledby="import-file-head">
        <h2 id="import-file-head">{t('importStepFile')}</h2>
        <div className="form">
          <div className="row">
            <SelectField label={t('importWhat')} value={entity} onChange={(e) => { setEntity(e.target.value as Entity); reset(); }}
              options={[{ value: 'contacts', label: t('contacts') }, { value: 'companies', label: t('companies') }]} />
            <SelectField label={t('importMode')} value={mode} onChange={(e) => { setMode(e.target.value as Mode); reset(); }}
              options={[{ value: 'create', label: t('mode_create') }, { value: 'upsert', label: t('mode_upsert') }, { value: 'update', label: t('mode_update') }]} />
          </div>
          <div className="field">
            <label htmlFor="import-file">{t('csvFile')}</label>
            <input id="import-file" type="file" accept=".csv,text/csv" onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setText(await file.text());
              reset();
            }} />
            {fileName && <small className="hint">{fileName}</small>}
          </div>
          <TextArea label={t('orPasteCsv')} rows={5} dir="ltr" value={text} onChange={(e) => { setText(e.target.value); setFileName(''); reset(); }} />
        </div>
        {shown && (
          <div data-testid="import-preview">
            <p>{t('importRows', { count: formatNumber(shown.rows, fmt.locale) })}</p>
            <ul className="chips">
              {shown.columns.map((c) => <li key={c.name} className={c.field ? 'chip' : 'chip chip-muted'}>{c.name}{c.field ? ` → ${c.field}` : ` (${t('ignored')})`}</li>)}
            </ul>
            {!shown.hasRequired && <p className="error" role="alert">{t('importNeedsColumn', { column: entity === 'contacts' ? 'firstName' : 'name' })}</p>}
          </div>
        )}
        <ErrorText error={error} />
        <div className="page-actions">
          <Button variant="primary" disabled={!shown?.hasRequired || busy || (!!dryRunId && !dryDone)} onClick={() => void start(true)}>{t('dryRun')}</Button>
        </div>
      </section>
      {dryRunId && (
        <section className="card" aria-labelledby="dry-head" data-testid="dry-run-report">
          <h2 id="dry-head">{t('dryRunReport')}</h2>
          <ImportReport job={dry.data} error={dry.error} />
          {dryDone && dry.data!.status === 'done' && !runId && (
            <div className="page-actions">
              <Button variant="primary" disabled={busy} onClick={() => void start(false)}>{t('runImport')}</Button>
            </div>
          )}
        </section>
      )}
      {runId && (
        <section className="card" aria-labelledby="run-head" data-testid="import-report">
          <h2 id="run-head">{t('importProgress')}</h2>
          <ImportReport job={run.data} error={run.error} />
          {run.data && <RevertImport job={run.data} />}
          <p><Link to={`/crm/imports/${runId}`}>{t('importPage')}</Link></p>
        </section>
      )}
      <section className="card" aria-labelledby="export-head">
        <h2 id="export-head">{t('export')}</h2>
        <p className="muted">{t('exportHelp')}</p>
        <div className="page-actions">
          <ExportButton path="/api/crm/contacts/export" filename="contacts.csv" label={t('exportContacts')} />
          <ExportButton path="/api/crm/companies/export" filename="companies.csv" label={t('exportCompanies')} />
        </div>
      </section>
    </>
  );
}

/**
 * An import as it is now. Its progress arrives live: the importing user's notifications at
 * each quarter and at the end refresh it (the shell invalidates `['imports', id]`); a slow
 * poll while it runs covers a dry run, which is quick, and a stream that is down.
 */
export function useImport(id: string | null) {
  const { api } = useHub();
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportJob>(`/api/crm/imports/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 3000 : false),
  });
}

/** Undoes a finished import (not a dry run): what it created is removed, what it updated put back. */
export function RevertImport({ job }: { job: ImportJob }) {
  const { api, t } = useHub();
  const queries = useQueryClient();
  const revert = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/crm/imports/${job.id}/revert`),
    onSuccess: (reverted) => {
      queries.setQueryData(['imports', job.id], reverted);
      void queries.invalidateQueries({ queryKey: [job.entity] });
    },
  });
  if (job.dryRun || job.status !== 'done') return null;
  return (
    <div className="page-actions">
      <Button variant="danger" disabled={revert.isPending} onClick={() => window.confirm(t('confirmRevert')) && revert.mutate()}>{t('revertImport')}</Button>
      <ErrorText error={revert.error} />
    </div>
  );
}

export function ImportReport({ job, error }: { job?: ImportJob; error: unknown }) {
  const { t, fmt } = useHub();
  if (error) return <Failed error={error} />;
  if (!job) return <p className="muted" role="status">{t('loading')}</p>;
  const r = report(job);
  const n = (v: number) => formatNumber(v, fmt.locale);
  return (
    <div>
      <div className="field">
        <label htmlFor={`progress-${job.id}`}>{r.finished ? t(`import_${job.status}`) : t('importRunning')}</label>
        <progress id={`progress-${job.id}`} max={100} value={r.percent}>{r.percent}%</progress>
        <span className="muted" role="status">{t('rowsOf', { done: n(job.processed), total: n(job.total) })}</span>
      </div>
      <dl className="facts counts" data-testid="import-counts">
        <div><dt>{job.dryRun ? t('wouldCreate') : t('created')}</dt><dd>{n(job.created)}</dd></div>
        <div><dt>{job.dryRun ? t('wouldUpdate') : t('updated')}</dt><dd>{n(job.updated)}</dd></div>
        <div><dt>{t('unchanged')}</dt><dd>{n(job.unchanged)}</dd></div>
        <div><dt>{t('failedRows')}</dt><dd>{n(job.failed)}</dd></div>
      </dl>
      {r.errors.length > 0 && (
        <div className="table-wrap">
          <table data-testid="import-errors">
            <caption className="visually-hidden">{t('rowErrors')}</caption>
            <thead><tr><th scope="col">{t('row')}</th><th scope="col">{t('problem')}</th></tr></thead>
            <tbody>
              {r.errors.map((e) => <tr key={e.row}><td>{n(e.row)}</td><td>{e.messages.join('; ')}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      {r.truncated && <p className="muted">{t('moreErrors')}</p>}
    </div>
  );
}
