// The poster: the CDN's poster background with this player's mini-program code (its scene opens their landing
// page), flattened on a canvas and saved to the album for sharing in Moments or in print.
const campaignPage = require('../../behaviors/campaign-page')
const { ASSET } = require('../../lib/assets')

/** Poster size in canvas pixels, and where the code goes: the same layout as the WXSS at 750 px wide. */
const POSTER = { width: 750, height: 1200, code: { x: 250, y: 800, size: 250 } }

function loadImage(canvas, src) {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = reject
    image.src = src
  })
}

Component({
  behaviors: [campaignPage],
  options: { pureDataPattern: /^_/ }, // `_` fields are page state that is never rendered
  data: { backgroundUrl: '', codePath: '', saving: false },
  methods: {

    reload() {
      const { api, assets } = getApp().services
      return this.runLoad(async () => {
        const [backgroundUrl, codePath] = await Promise.all([assets.url(ASSET.posterBackground), api.wxacodeFile(this.data._cid)])
        this.setData({ backgroundUrl, codePath })
      })
    },

    save() {
      if (this.data.saving) return
      this.setData({ saving: true })
      this.createSelectorQuery().select('#canvas').fields({ node: true }).exec(async ([result]) => {
        try {
          const path = await this.draw(result.node)
          await wx.saveImageToPhotosAlbum({ filePath: path })
          wx.showToast({ title: '已保存到相册' })
        } catch (err) {
          wx.showToast({ title: '保存失败，请允许保存到相册后重试', icon: 'none' })
        }
        this.setData({ saving: false })
      })
    },

    async draw(canvas) {
      const { width, height, code } = POSTER
      canvas.width = width
      canvas.height = height
      const context = canvas.getContext('2d')
      const background = await loadImage(canvas, this.data.backgroundUrl)
      context.drawImage(background, 0, 0, width, height)
      const codeImage = await loadImage(canvas, this.data.codePath)
      context.drawImage(codeImage, code.x, code.y, code.size, code.size)
      const { tempFilePath } = await wx.canvasToTempFilePath({ canvas })
      return tempFilePath
    },
  },
})
