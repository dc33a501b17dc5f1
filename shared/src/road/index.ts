export * from './dates.js'
export * from './horizons.js'
export * from './layout.js'
export * from './buildRoad.js'
