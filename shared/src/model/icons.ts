/**
 * Every pictogram the board uses, as a lucide icon name (https://lucide.dev, kebab-case).
 * The client maps each name to a `lucide-react` component; because `IconName` is exactly this
 * union, a name missing from that map is a type error there. Names are lucide 1.x canonical
 * names (not the older aliases such as 'building-2'), checked against lucide-react 1.79.0 by
 * shared/src/model/checkIconNames.mjs [1].
 */
export const ICON_NAMES = [
  // card kinds
  'sparkles',
  'target',
  'user',
  'sticky-note',
  'heart-handshake',
  'id-card',
  'gavel',
  'arrow-right-left',
  'messages-square',
  'scale',
  'list-checks',
  'construction',
  'lightbulb',
  // card fields
  'languages',
  // participant kinds and levels
  'house',
  'landmark',
  'building-complex',
  'store',
  'hand-heart',
  'graduation-cap',
  'zap',
  'heart-pulse',
  'circle-question-mark',
  'building',
  // interest categories
  'arrow-down-to-line',
  'gift',
  'ban',
  'shield-exclamation-point',
  // exchange types
  'clock',
  'coins',
  'book-open',
  'map-pin',
  'network',
  'stamp',
  'database',
  'handshake',
  // partner roles
  'flag',
  'wrench',
  'piggy-bank',
  'compass',
  'crown',
  // decision rules
  'thumbs-up',
  'vote',
  // action statuses
  'circle-dashed',
  'calendar',
  'loader',
  'circle-check-big',
  // value kinds
  'users',
  'leaf',
  'euro',
  'link',
  'face-slightly-smiling',
  // units of an indicator
  'hash',
  'weight',
  'percent',
  'ruler',
  // horizons on the road
  'footprints',
  'milestone',
  'mountain',
  // zone kinds and maps
  'rows-3',
  'layout-grid',
  'panel-top',
  'map',
  'puzzle',
] as const

export type IconName = (typeof ICON_NAMES)[number]

// [1] The check lives outside the test suite on purpose: shared must not depend on the client's
// packages. Run it with `node shared/src/model/checkIconNames.mjs` after changing this list.
