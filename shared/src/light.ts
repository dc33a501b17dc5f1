/**
 * The part of @wijktafel/shared that pulls in no tldraw: the words, the roles and the board
 * API. The start page imports from here (`@wijktafel/shared/light`) so that its chunk stays
 * free of tldraw's schema, store and validators [1].
 */
export * from './i18n/messages.js'
export * from './protocol/roles.js'
export * from './protocol/boardApi.js'

// [1] The full barrel (index.ts) re-exports modules that build tldraw validators and migrations
// when they load; a bundler must keep such top-level calls, and with them @tldraw/tlschema,
// @tldraw/store and lodash (about 100 kB gzip), even when the start page uses none of their
// exports. tests/integration/start-page-budget.test.ts fails if tldraw comes back.
