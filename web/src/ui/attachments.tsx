import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useHub } from '../app';
import type { Page } from '../api/client';
import { formatDateTime, formatSize } from '../lib/format';
import { nameOf, usePeople } from '../pages/crm/common';
import { Button, ErrorText, Failed, Loading } from './ui';

/** A file kept on a record (the files library's answer). */
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploaderId: string;
  createdAt: string;
}

/** Saves bytes under a name through a temporary link. */
export function saveAs(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A record's files (`path` = its `…/attachments`): listed oldest first, downloaded with the
 * session's token; uploaded and deleted by those who may change the record.
 */
export function Attachments({ path, mayChange }: { path: string; mayChange: boolean }) {
  const { api, t, fmt } = useHub();
  const queries = useQueryClient();
  const people = usePeople();
  const head = useId();
  const input = useId();
  const [error, setError] = useState<unknown>(null);
  const key = ['attachments', path];
  const files = useQuery({ queryKey: key, queryFn: () => api.get<Page<StoredFile>>(path) });
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  const upload = useMutation({ mutationFn: (file: File) => api.upload<StoredFile>(path, file, file.name), onSettled: refresh });
  const remove = useMutation({ mutationFn: (file: StoredFile) => api.delete(`${path}/${file.id}`), onSettled: refresh });
  async function download(file: StoredFile) {
    setError(null);
    try {
      saveAs(await api.getBlob(`${path}/${file.id}`), file.name);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card" aria-labelledby={head} data-testid="attachments">
      <h2 id={head}>{t('attachments')}</h2>
      {mayChange && (
        <div className="field">
          <label htmlFor={input}>{t('uploadFile')}</label>
          <input id={input} type="file" disabled={upload.isPending} data-testid="attachment-input" onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
            e.target.value = '';
          }} />
          <small className="hint">{upload.isPending ? t('uploading') : t('uploadHint')}</small>
        </div>
      )}
      <ErrorText error={upload.error ?? remove.error ?? error} />
      {files.isPending ? <Loading /> : files.isError ? <Failed error={files.error} retry={() => void files.refetch()} /> :
        files.data.items.length === 0 ? <p className="muted">{t('noAttachments')}</p> : (
          <ul className="list files">
            {files.data.items.map((file) => (
              <li key={file.id}>
                <span className="file-name" dir="auto">{file.name}</span>
                <span className="muted">
                  {formatSize(file.size, fmt.locale)} · {nameOf(people, file.uploaderId)} · <time dateTime={file.createdAt}>{formatDateTime(file.createdAt, fmt)}</time>
                </span>
                <span className="row">
                  <Button onClick={() => void download(file)} aria-label={t('downloadFile', { name: file.name })}>{t('download')}</Button>
                  {mayChange && (
                    <Button variant="danger" disabled={remove.isPending} aria-label={t('deleteFile', { name: file.name })}
                      onClick={() => window.confirm(t('confirmDelete', { name: file.name })) && remove.mutate(file)}>{t('delete')}</Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
