export * from './impact.js'
export * from './indicators.js'
export * from './state.js'
export * from './compute.js'
