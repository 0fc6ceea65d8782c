import { useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useHub } from '../../app';
import { ApiError, type Page } from '../../api/client';
import type { Company, Deal, DealBoard, Pipeline } from '../../api/types';
import { moveCard } from '../../lib/board';
import { formatMoney, formatNumber, fromLocalInput } from '../../lib/format';
import { Button, Dialog, ErrorText, Failed, Loading, PageHeader, SelectField, TextField } from '../../ui/ui';
import { nameOf, useMayChange, usePeople } from './common';
import { useStageName } from './stages';

export const CURRENCIES = ['SAR', 'AED', 'USD', 'EUR', 'GBP', 'EGP', 'KWD', 'QAR', 'BHD', 'OMR', 'JOD'];

/** Moves a deal to a stage: shown at once, put back if the server refuses. */
export function useMoveDeal(pipelineId: string) {
  const { api } = useHub();
  const queries = useQueryClient();
  const key = ['deals', 'board', pipelineId];
  return useMutation({
    mutationFn: ({ deal, stage }: { deal: Deal; stage: string }) => api.post<Deal>(`/api/crm/deals/${deal.id}/stage`, { stage }),
    onMutate: async ({ deal, stage }) => {
      await queries.cancelQueries({ queryKey: key });
      const before = queries.getQueryData<DealBoard>(key);
      if (before) {
        const columns = moveCard(before.stages.map((s) => ({ key: s.key, cards: s.deals })), deal.id, { to: stage, afterId: null });
        queries.setQueryData<DealBoard>(key, { ...before, stages: before.stages.map((s, i) => ({ ...s, deals: columns[i].cards.map((d) => (d.id === deal.id ? { ...d, stage } : d)) })) });
      }
      return { before };
    },
    onError: (_error, _move, context) => {
      if (context?.before) queries.setQueryData(key, context.before);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ['deals'] }),
  });
}

/** The deal pipeline as a board: drag a card to another stage, or choose the stage from its menu. */
export default function Deals() {
  const { api, t, can, fmt } = useHub();
  const queries = useQueryClient();
  const people = usePeople();
  const mayChange = useMayChange();
  const stageName = useStageName();
  const [pipelineId, setPipelineId] = useState('default');
  const [creating, setCreating] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  const pipelines = useQuery({ queryKey: ['pipelines'], queryFn: () => api.get<Page<Pipeline>>('/api/crm/pipelines', { limit: 200 }), staleTime: 60_000 });
  // others move deals too: the board opened is read again, even when the dashboard's
  // "deals by stage" read it a moment ago (that copy is shown meanwhile)
  const board = useQuery({ queryKey: ['deals', 'board', pipelineId], queryFn: () => api.get<DealBoard>(`/api/crm/pipelines/${pipelineId}/board`), refetchOnMount: 'always' });
  const move = useMoveDeal(pipelineId);
  const deals = board.data?.stages.flatMap((s) => s.deals) ?? [];
  function drop(e: DragEvent, stage: string) {
    e.preventDefault();
    setOver(null);
    const deal = deals.find((d) => d.id === e.dataTransfer.getData('text/plain'));
    if (deal && deal.stage !== stage) move.mutate({ deal, stage });
  }
  return (
    <>
      <PageHeader title={t('deals')}>{can('crm:write') && <Button variant="primary" onClick={() => setCreating(true)}>{t('newDeal')}</Button>}</PageHeader>
      {(pipelines.data?.items.length ?? 0) > 1 && (
        <div className="toolbar">
          <SelectField label={t('pipeline')} value={pipelineId} onChange={(e) => setPipelineId(e.target.value)} options={pipelines.data!.items.map((p) => ({ value: p.id, label: p.name }))} />
        </div>
      )}
      <p className="muted" id="board-help">{t('dealBoardHelp')}</p>
      <ErrorText error={move.error} />
      {board.isPending ? <Loading /> : board.isError ? <Failed error={board.error} retry={() => void board.refetch()} /> : (
        <div className="board" data-testid="deal-board">
          {board.data.stages.map((stage) => (
            <section
              key={stage.key}
              className={`board-column${over === stage.key ? ' drop-over' : ''}`}
              aria-labelledby={`stage-${stage.key}`}
              data-stage={stage.key}
              onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; setOver(stage.key); }}
              onDragLeave={() => setOver((o) => (o === stage.key ? null : o))}
              onDrop={(e) => drop(e, stage.key)}
            >
              <header className="board-column-head">
                <h2 id={`stage-${stage.key}`}>{stageName(stage)}</h2>
                <span className="muted">
                  {formatNumber(stage.deals.length > stage.count ? stage.deals.length : stage.count, fmt.locale)}
                  {Object.entries(stage.total ?? {}).map(([currency, value]) => ` · ${formatMoney(value, currency, fmt.locale)}`)}
                </span>
              </header>
              <ul className="board-cards">
                {stage.deals.map((deal) => {
                  const movable = mayChange(deal.ownerId);
                  return (
                    <li key={deal.id} className="board-card" draggable={movable} data-testid="deal-card" data-deal={deal.id}
                      onDragStart={(e) => { e.dataTransfer.setData('text/plain', deal.id); e.dataTransfer.effectAllowed = 'move'; }}>
                      <Link to={`/crm/deals/${deal.id}`}>{deal.title}</Link>
                      <span>{formatMoney(deal.amount.value, deal.amount.currency, fmt.locale)}</span>
                      <span className="muted">{nameOf(people, deal.ownerId)}</span>
                      {movable && (
                        <label className="card-move">
                          <span className="visually-hidden">{t('moveToStage', { title: deal.title })}</span>
                          <select value={stage.key} aria-describedby="board-help" onChange={(e) => move.mutate({ deal, stage: e.target.value })}>
                            {board.data.stages.map((s) => <option key={s.key} value={s.key}>{stageName(s)}</option>)}
                          </select>
                        </label>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
      {creating && <DealDialog pipeline={pipelines.data?.items.find((p) => p.id === pipelineId)} onClose={(saved) => { setCreating(false); if (saved) void queries.invalidateQueries({ queryKey: ['deals'] }); }} />}
    </>
  );
}

/** A new deal, or changes to one (title, amount, company, expected close). */
export function DealDialog({ deal, pipeline, onClose, companyId }: { deal?: Deal; pipeline?: Pipeline; companyId?: string; onClose: (saved: Deal | null) => void }) {
  const { api, t, fmt } = useHub();
  const stageName = useStageName();
  const companies = useQuery({ queryKey: ['companies', 'choices'], queryFn: () => api.get<Page<Company>>('/api/crm/companies', { sort: 'name', limit: 200 }) });
  const [form, setForm] = useState({
    title: deal?.title ?? '',
    value: deal?.amount.value ?? '',
    currency: deal?.amount.currency ?? 'SAR',
    companyId: deal?.companyId ?? companyId ?? '',
    stage: deal?.stage ?? pipeline?.stages[0]?.key ?? '',
    expectedCloseAt: deal?.expectedCloseAt ? deal.expectedCloseAt.slice(0, 10) : '',
  });
  const [error, setError] = useState<unknown>(null);
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {
      title: form.title,
      amount: { value: form.value.trim(), currency: form.currency },
      companyId: form.companyId || null,
      expectedCloseAt: form.expectedCloseAt ? fromLocalInput(`${form.expectedCloseAt}T12:00`, fmt.timeZone).toISOString() : null,
    };
    if (!deal && pipeline) Object.assign(body, { pipelineId: pipeline.id, stage: form.stage || undefined });
    try {
      onClose(deal ? await api.patch<Deal>(`/api/crm/deals/${deal.id}`, body) : await api.post<Deal>('/api/crm/deals', body));
    } catch (err) {
      setError(err);
    }
  }
  const companyOptions = [{ value: '', label: t('none') }, ...(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))];
  return (
    <Dialog title={deal ? t('editDeal') : t('newDeal')} open onClose={() => onClose(null)}>
      <form className="form" onSubmit={submit}>
        <TextField label={t('title')} required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} error={fields.title} />
        <div className="row">
          <TextField label={t('amount')} required inputMode="decimal" dir="ltr" pattern="\d+(\.\d+)?" value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} error={fields['amount.value'] ?? fields.amount} />
          <SelectField label={t('currency')} value={form.currency} onChange={(e) => setForm({ ...form, currency: e.target.value })} options={CURRENCIES.map((c) => ({ value: c, label: c }))} error={fields['amount.currency']} />
        </div>
        <SelectField label={t('company')} value={form.companyId} onChange={(e) => setForm({ ...form, companyId: e.target.value })} options={companyOptions} error={fields.companyId} />
        {!deal && pipeline && <SelectField label={t('stage')} value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })} options={pipeline.stages.map((s) => ({ value: s.key, label: stageName(s) }))} />}
        <TextField label={t('expectedClose')} type="date" value={form.expectedCloseAt} onChange={(e) => setForm({ ...form, expectedCloseAt: e.target.value })} error={fields.expectedCloseAt} />
        <ErrorText error={Object.keys(fields).length ? null : error} />
        <div className="dialog-actions">
          <Button type="submit" variant="primary">{t('save')}</Button>
          <Button onClick={() => onClose(null)}>{t('cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
