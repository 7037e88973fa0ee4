// Made-up faces for demo players: a small PNG per player, drawn pixel by pixel from a number and encoded by pngjs,
// so no image lives in git. Backgrounds stay pastel: the WeChat stub judges an image by its mean colour (red is risky).
import { PNG } from 'pngjs'

const SIZE = 96
const SKIN = [[246, 215, 176], [234, 192, 134], [198, 148, 103], [255, 224, 196]]
const HAIR = [[40, 32, 28], [92, 58, 33], [180, 130, 60], [70, 70, 80], [20, 20, 20]]

function hsl(h, s, l) {
  const k = (n) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255))
}

/** A face for player number n: background hue, skin, hair and smile vary with n; the same n gives the same PNG. */
export function face(n) {
  const png = new PNG({ width: SIZE, height: SIZE })
  const background = hsl((n * 47 + 180) % 360, 0.55, 0.82)
  const skin = SKIN[n % SKIN.length]
  const hair = HAIR[(n >> 2) % HAIR.length]
  const c = SIZE / 2
  const head = 30
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - c
      const dy = y - c - 4
      const r = Math.hypot(dx, dy)
      let colour = background
      if (r < head) colour = dy < -head * 0.45 + Math.sin(x / (3 + (n % 4))) * 3 ? hair : skin
      for (const eye of [-11, 11]) if (Math.hypot(x - c - eye, y - c + 2) < 3.5) colour = [30, 30, 40]
      const smile = Math.hypot(dx, y - c - 4)
      if (dy > 6 && Math.abs(smile - 12 - (n % 3)) < 1.6 && Math.abs(dx) < 12) colour = [120, 50, 50]
      const i = (y * SIZE + x) * 4
      png.data[i] = colour[0]
      png.data[i + 1] = colour[1]
      png.data[i + 2] = colour[2]
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}
