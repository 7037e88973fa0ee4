const { createServices } = require('./lib/services')

App({
  /** Pages reach the backend and the CDN through `getApp().services` (tests hand pages their own). */
  services: createServices(wx),
})
