// The official WXML (wcc) and WXSS (wcsc) compilers from miniprogram-compiler accept every template and style
// sheet, and every page of app.json renders from the compiled templates.
const fs = require('fs')
const os = require('os')
const path = require('path')
const { wxmlToJs } = require('miniprogram-compiler')
const wxssToJs = require('miniprogram-compiler/src/wcsc')
const { SRC } = require('../helpers/pages')

/** src-relative paths without extension of the files ending in `ext` */
const sourcesEnding = (ext) => fs.readdirSync(SRC, { recursive: true })
  .filter((file) => file.endsWith(ext))
  .map((file) => file.slice(0, -ext.length).split(path.sep).join('/'))

function compileWxml(root) {
  // eslint-disable-next-line no-new-func
  return new Function(wxmlToJs(root))()
}

test('wcc compiles every WXML file and each page has a template', () => {
  const gwx = compileWxml(SRC)
  const { pages } = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'))
  pages.forEach((page) => {
    expect(typeof gwx(`${page}.wxml`)).toBe('function')
  })
  expect(typeof gwx('pages/missing/missing.wxml')).not.toBe('function')
  sourcesEnding('.wxml').filter((file) => file.startsWith('components/')).forEach((component) => {
    expect(typeof gwx(`${component}.wxml`)).toBe('function')
  })
})

test('wcsc compiles every WXSS file', () => {
  const files = sourcesEnding('.wxss')
  expect(files.length).toBeGreaterThan(5)
  const result = wxssToJs(SRC, files)
  expect(result).not.toBeInstanceOf(Error)
  files.forEach((file) => {
    expect(Object.keys(result)).toContain(`${file}.wxss`)
  })
})

describe('the checks reject broken sources', () => {
  let dir
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiasu-wx-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('an unclosed WXML tag', () => {
    fs.writeFileSync(path.join(dir, 'bad.wxml'), '<view>{{title}}</view\n')
    expect(() => compileWxml(dir)).toThrow(/bad.wxml/)
  })

  test('a WXSS rule missing its brace', () => {
    fs.writeFileSync(path.join(dir, 'bad.wxss'), '.a { color: red;\n')
    expect(wxssToJs(dir, ['bad'])).toBeInstanceOf(Error)
  })
})
