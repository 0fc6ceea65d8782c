import { useParams, Link } from 'react-router';
import { useHub } from '../../app';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../ui/ui';
import { ImportReport, RevertImport, useImport } from './Import';

/** One import (the link of its notifications): its live progress and report, and its revert. */
export default function ImportJob() {
  const { id = '' } = useParams();
  const { t, fmt } = useHub();
  const job = useImport(id);
  return (
    <>
      <PageHeader title={job.data ? t(job.data.dryRun ? 'dryRunOf' : 'importOf', { what: t(job.data.entity) }) : t('importExport')} />
      <p><Link to="/crm/import">{t('importExport')}</Link></p>
      <section className="card" aria-labelledby="job-head" data-testid="import-job">
        <h2 id="job-head">{job.data?.createdAt ? <time dateTime={job.data.createdAt}>{formatDateTime(job.data.createdAt, fmt)}</time> : t('loading')}</h2>
        <ImportReport job={job.data} error={job.error} />
        {job.data && <RevertImport job={job.data} />}
      </section>
    </>
  );
}
