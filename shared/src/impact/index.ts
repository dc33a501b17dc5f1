export * from './impact.js'
