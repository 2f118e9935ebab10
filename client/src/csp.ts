// Imported first by main.ts, and bundled into zod's own chunk (vite.config.ts), so it runs before
// any schema is built. The Content-Security-Policy has no
// 'unsafe-eval': zod would probe `new Function` for its JIT (a reported CSP violation) and fall back
// to the interpreter anyway, so it is told not to try.
import { z } from 'zod'

z.config({ jitless: true })
