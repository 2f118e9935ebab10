import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text the browser downloads; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map)$/
/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 1024

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a directory, at the
 * strongest settings: this runs once per build, and the server (@fastify/static's
 * `preCompressed`) sends them as they are instead of compressing on every request. A variant that
 * is not smaller than its file is not written, so the file itself is sent. Returns what it wrote.
 */
export async function precompressDirectory(dir: string): Promise<{ file: string; bytes: number; gzip?: number; brotli?: number }[]> {
  const files = (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
  return Promise.all(
    files.map(async (file) => {
      const content = await fs.readFile(file)
      const written: { file: string; bytes: number; gzip?: number; brotli?: number } = { file: path.relative(dir, file), bytes: content.length }
      if (content.length < MIN_BYTES) return written
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ])
      if (br.length < content.length) {
        await fs.writeFile(`${file}.br`, br)
        written.brotli = br.length
      }
      if (gz.length < content.length) {
        await fs.writeFile(`${file}.gz`, gz)
        written.gzip = gz.length
      }
      return written
    }),
  )
}

/** The client build's last step: precompress what it wrote (vite.config.ts). */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'hnd-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    // After the files are written (a failed build writes none), public/ included: Vite copies it first.
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompressDirectory(outDir)
      },
    },
  }
}
