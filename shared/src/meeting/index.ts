export * from './meeting.js'
export * from './structure.js'
