import { describe, expect, it } from 'vitest';
import { afterIdAt, columnOf, moveCard, stepMove, type Column } from './board';

const board = (): Column<{ id: string }>[] => [
  { key: 'todo', cards: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
  { key: 'doing', cards: [{ id: 'd' }] },
  { key: 'done', cards: [] },
];
const ids = (columns: Column<{ id: string }>[]) => Object.fromEntries(columns.map((c) => [c.key, c.cards.map((x) => x.id).join('')]));

describe('afterIdAt', () => {
  it('a drop at the top of a column goes after nothing', () => {
    expect(afterIdAt(board()[0].cards, 'd', 0)).toBeNull();
  });
  it('a drop between two cards goes after the upper one', () => {
    expect(afterIdAt(board()[0].cards, 'd', 2)).toBe('b');
  });
  it('a drop at the end goes after the last card', () => {
    expect(afterIdAt(board()[0].cards, 'd', 3)).toBe('c');
  });
  it('does not count the moved card itself: dropping a below b goes after b', () => {
    expect(afterIdAt(board()[0].cards, 'a', 2)).toBe('b');
  });
  it('dropping a card just below itself keeps it after what was above it', () => {
    expect(afterIdAt(board()[0].cards, 'b', 2)).toBe('a');
  });
  it('an empty column takes the card at its top', () => {
    expect(afterIdAt([], 'a', 0)).toBeNull();
  });
});

describe('moveCard', () => {
  it('moves a card into another column after the named card', () => {
    expect(ids(moveCard(board(), 'a', { to: 'doing', afterId: 'd' }))).toEqual({ todo: 'bc', doing: 'da', done: '' });
  });
  it('moves a card to the top without afterId', () => {
    expect(ids(moveCard(board(), 'c', { to: 'todo', afterId: null }))).toEqual({ todo: 'cab', doing: 'd', done: '' });
  });
  it('reorders within a column', () => {
    expect(ids(moveCard(board(), 'a', { to: 'todo', afterId: 'c' }))).toEqual({ todo: 'bca', doing: 'd', done: '' });
  });
  it('changes nothing for an unknown card or column', () => {
    const before = board();
    expect(moveCard(before, 'zz', { to: 'done', afterId: null })).toBe(before);
    expect(moveCard(before, 'a', { to: 'nowhere', afterId: null })).toBe(before);
  });
  it('never loses or doubles a card', () => {
    const after = moveCard(board(), 'b', { to: 'done', afterId: null });
    expect(after.flatMap((c) => c.cards.map((x) => x.id)).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('stepMove', () => {
  it('up goes after the card two above, or to the top', () => {
    expect(stepMove(board(), 'c', 'up')).toEqual({ to: 'todo', afterId: 'a' });
    expect(stepMove(board(), 'b', 'up')).toEqual({ to: 'todo', afterId: null });
    expect(stepMove(board(), 'a', 'up')).toBeNull();
  });
  it('down goes after the card below', () => {
    expect(stepMove(board(), 'a', 'down')).toEqual({ to: 'todo', afterId: 'b' });
    expect(stepMove(board(), 'c', 'down')).toBeNull();
  });
  it('previous and next go to the top of the neighbouring column', () => {
    expect(stepMove(board(), 'd', 'next')).toEqual({ to: 'done', afterId: null });
    expect(stepMove(board(), 'd', 'previous')).toEqual({ to: 'todo', afterId: null });
    expect(stepMove(board(), 'a', 'previous')).toBeNull();
  });
  it('a step applied by moveCard puts the card where it says', () => {
    const columns = board();
    expect(ids(moveCard(columns, 'c', stepMove(columns, 'c', 'up')!)).todo).toBe('acb');
    expect(columnOf(moveCard(columns, 'd', stepMove(columns, 'd', 'next')!), 'd')).toBe('done');
  });
});
