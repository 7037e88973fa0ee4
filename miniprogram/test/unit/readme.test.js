// The README's "Where is what" table names only paths that exist, so it cannot quietly go out of date.
const fs = require('fs')
const path = require('path')

const ROOT = path.join(__dirname, '..', '..')

test('every path in the README’s "Where is what" table exists', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const table = readme.split('## Where is what')[1].split('\n## ')[0]
  const paths = [...table.matchAll(/^\| ([^|]+) \|/gm)]
    .flatMap((row) => [...row[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]))
  expect(paths.length).toBeGreaterThan(8)
  expect(paths.filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([])
})
