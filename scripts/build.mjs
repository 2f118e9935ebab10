// `npm run build`: the client (dist/client, with .br/.gz beside each file) and the server compiled
// ahead (dist/server/main.js), then the stamp that lets `npm start` skip both next time.
import { build } from 'vite'
import { projectRoot, removeStamp, sourceHash, writeStamp } from './build-stamp.mjs'

process.chdir(projectRoot)
// The hash of the sources as they are when the build starts: an edit made during the build makes
// the next start rebuild rather than trust a build that may not contain it.
const sources = sourceHash()
// Without a stamp, a build stopped halfway is rebuilt at the next start.
removeStamp()
await build({ configFile: 'vite.config.ts' })
await build({ configFile: 'vite.server.config.ts' })
writeStamp(sources)
