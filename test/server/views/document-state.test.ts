/** What the motion page says beside a document link (src/server/views/document-state.ts), table-tested. */
import { toDocumentState } from '../../../src/server/views/document-state';

test.each([
  [undefined, null],
  [{ fetchState: null, status: null, pageCount: null }, null],
  [{ fetchState: 'fetched', status: 'ok', pageCount: 3 }, { label: '3 Seiten', kind: 'read' }],
  [{ fetchState: 'fetched', status: 'ok', pageCount: 1 }, { label: '1 Seite', kind: 'read' }],
  [{ fetchState: 'fetched', status: 'no_text', pageCount: 2 }, { label: 'ohne Textebene (keine Texterkennung)', kind: 'no-text' }],
  [{ fetchState: 'fetched', status: 'encrypted', pageCount: null }, { label: 'verschlüsselt, nicht lesbar', kind: 'unreadable' }],
  [{ fetchState: 'fetched', status: 'broken', pageCount: null }, { label: 'beschädigt, nicht lesbar', kind: 'unreadable' }],
  [{ fetchState: 'fetched', status: 'timeout', pageCount: null }, { label: 'nicht lesbar (zu aufwendig)', kind: 'unreadable' }],
  [{ fetchState: 'failed', status: null, pageCount: null }, { label: 'Abruf fehlgeschlagen, wird erneut versucht', kind: 'failed' }],
  [{ fetchState: 'skipped', status: null, pageCount: null }, { label: 'nur als Link', kind: 'link' }],
])('%j → %j', (state, expected) => {
  expect(toDocumentState(state)).toEqual(expected);
});
