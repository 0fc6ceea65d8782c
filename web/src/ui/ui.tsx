import { useEffect, useId, useRef, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes, type ButtonHTMLAttributes } from 'react';
import { ApiError } from '../api/client';
import { useHub } from '../app';

/** The hub's small design system: logical properties only, so every piece flips for RTL. */
export function Button({ variant = 'secondary', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'ghost' }) {
  return <button type="button" {...props} className={`btn btn-${variant} ${props.className ?? ''}`} />;
}

export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {hint && !error && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="error" role="alert">{error}</small>}
    </div>
  );
}

export function TextField({ label, error, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => <input id={id} aria-invalid={!!error || undefined} aria-describedby={describedBy} {...props} />}
    </Field>
  );
}

export function TextArea({ label, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string }) {
  return <Field label={label} error={error}>{(id, d) => <textarea id={id} aria-describedby={d} aria-invalid={!!error || undefined} {...props} />}</Field>;
}

export function SelectField({ label, error, options, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; options: { value: string; label: string }[] }) {
  return (
    <Field label={label} error={error}>
      {(id, d) => (
        <select id={id} aria-describedby={d} {...props}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

/** A modal on the native <dialog>: focus moves in, Escape closes, focus returns. */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={id} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <header className="dialog-head">
            <h2 id={id}>{title}</h2>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}

export function Loading() {
  const { t } = useHub();
  return <p className="muted" role="status">{t('loading')}</p>;
}

export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useHub();
  return (
    <div className="alert" role="alert">
      <p>{error instanceof ApiError && error.status === 403 ? t('forbidden') : t('loadFailed')}</p>
      {error instanceof ApiError && error.message && <p className="muted">{error.message}</p>}
      {retry && <Button onClick={retry}>{t('retry')}</Button>}
    </div>
  );
}

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return <p className="error" role="alert">{message}</p>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1 tabIndex={-1}>{title}</h1>
      <div className="page-actions">{children}</div>
    </div>
  );
}
