export * from './meeting.js'
