/**
 * Where a card goes on a board (tasks by status, deals by stage): the columns after a move,
 * shown at once while the server applies it, and the `afterId` the tasks board's move API
 * takes for a drop at a place in a column.
 */
export interface Card {
  id: string;
}

export interface Column<T extends Card> {
  key: string;
  cards: T[];
}

export interface Move {
  to: string;
  afterId: string | null;
}

/** The card a drop at `index` of column `cards` lands right after (null: the top), not counting the moved card itself. */
export function afterIdAt<T extends Card>(cards: T[], cardId: string, index: number): string | null {
  const before = cards.slice(0, Math.max(0, index)).filter((card) => card.id !== cardId);
  return before.length ? before[before.length - 1].id : null;
}

/** The columns with the card taken out of its column and put into `to` right after `afterId` (at the top without it). */
export function moveCard<T extends Card>(columns: Column<T>[], cardId: string, move: Move): Column<T>[] {
  const card = columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
  if (!card || !columns.some((c) => c.key === move.to)) return columns;
  return columns.map((column) => {
    const cards = column.cards.filter((c) => c.id !== cardId);
    if (column.key !== move.to) return cards.length === column.cards.length ? column : { ...column, cards };
    const at = move.afterId ? cards.findIndex((c) => c.id === move.afterId) + 1 : 0;
    return { ...column, cards: [...cards.slice(0, at), card, ...cards.slice(at)] };
  });
}

/**
 * The keyboard's moves: one place up or down within the column, or to the top of the
 * previous or next column; null when the card is already at that edge.
 */
export function stepMove<T extends Card>(columns: Column<T>[], cardId: string, direction: 'up' | 'down' | 'previous' | 'next'): Move | null {
  const from = columns.findIndex((c) => c.cards.some((card) => card.id === cardId));
  if (from < 0) return null;
  const cards = columns[from].cards;
  const index = cards.findIndex((c) => c.id === cardId);
  switch (direction) {
    case 'up':
      if (index === 0) return null;
      return { to: columns[from].key, afterId: index >= 2 ? cards[index - 2].id : null };
    case 'down':
      if (index === cards.length - 1) return null;
      return { to: columns[from].key, afterId: cards[index + 1].id };
    case 'previous':
      return from === 0 ? null : { to: columns[from - 1].key, afterId: null };
    case 'next':
      return from === columns.length - 1 ? null : { to: columns[from + 1].key, afterId: null };
  }
}

/** The column a card is in, or null. */
export function columnOf<T extends Card>(columns: Column<T>[], cardId: string): string | null {
  return columns.find((c) => c.cards.some((card) => card.id === cardId))?.key ?? null;
}
