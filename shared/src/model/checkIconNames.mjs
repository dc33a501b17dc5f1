// Checks that every name in icons.ts is a lucide-react export, and a canonical one (not an
// alias kept for old names). Run from the repository root after changing the icon list:
//   node shared/src/model/checkIconNames.mjs
// Not a unit test: shared must not depend on the client's packages.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(new URL('../../../client/package.json', import.meta.url))
const typesFile = require.resolve('lucide-react/dist/lucide-react.d.ts')
const types = readFileSync(typesFile, 'utf8')
const canonical = new Set(
  [...types.matchAll(/^declare const (\w+): LucideIcon;$/gm)].map((m) => m[1]),
)
const exportList = types.slice(types.lastIndexOf('export {'))
const exported = new Set([...exportList.matchAll(/(?:\bas )?\b(\w+)(?=[,}\s])/g)].map((m) => m[1]))

const source = readFileSync(new URL('./icons.ts', import.meta.url), 'utf8')
const list = source.slice(source.indexOf('['), source.indexOf('] as const'))
const names = [...list.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1])
const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())

let bad = 0
for (const name of names) {
  const component = pascal(name)
  if (!exported.has(component)) {
    console.error(`missing: '${name}' (${component}) is not exported by lucide-react`)
    bad++
  } else if (!canonical.has(component)) {
    console.error(
      `alias: '${name}' (${component}) is only an alias in lucide-react; use its new name`,
    )
    bad++
  }
}
if (new Set(names).size !== names.length) {
  console.error('duplicate names in ICON_NAMES')
  bad++
}
console.log(
  `${names.length} icon names checked against ${typesFile}: ${bad ? `${bad} problem(s)` : 'all good'}`,
)
process.exit(bad ? 1 : 0)
