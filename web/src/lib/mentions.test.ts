import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, mentionsIn, segments, suggest } from './mentions';

describe('mentions', () => {
  it('finds each mentioned email once, lower case, in order, without a trailing full stop', () => {
    expect(mentionsIn('@Omar@x.com please ask @layla@y.org and @omar@x.com.')).toEqual(['omar@x.com', 'layla@y.org']);
  });
  it('an email written without @ in front is not a mention', () => {
    expect(mentionsIn('write to omar@x.com')).toEqual([]);
  });
  it('knows the mention being typed at the caret', () => {
    expect(mentionAt('hi @la', 6)).toEqual({ start: 3, query: 'la' });
    expect(mentionAt('hi @', 4)).toEqual({ start: 3, query: '' });
    expect(mentionAt('hi @la done', 11)).toBeNull();
    expect(mentionAt('mail a@b', 8)).toBeNull();
  });
  it('replaces the typed mention with the chosen email and puts the caret after it', () => {
    expect(insertMention('hi @la!', 3, 6, 'layla@y.org')).toEqual({ text: 'hi @layla@y.org !', caret: 16 });
  });
  it('suggests by email prefix first, then by a word of the name', () => {
    const people = [
      { email: 'omar@x.com', displayName: 'Omar Laith' },
      { email: 'layla@y.org', displayName: 'Layla Haddad' },
      { email: 'sara@z.net', displayName: 'Sara Ali' },
    ];
    expect(suggest(people, 'la').map((p) => p.email)).toEqual(['layla@y.org', 'omar@x.com']);
    expect(suggest(people, 'q')).toEqual([]);
  });
  it('cuts a comment into text and mentions', () => {
    expect(segments('ask @omar@x.com, then done')).toEqual([
      { text: 'ask ' }, { text: '@omar@x.com', email: 'omar@x.com' }, { text: ', then done' },
    ]);
  });
});
