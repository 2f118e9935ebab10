import type { AddressInfo } from 'node:net'
import os from 'node:os'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { publicAddressSchema, type NetworkInterfaceMap } from '../../../shared/access/public-address'
import { publicAddressFor } from '../../public-address'
import { errors } from '../meetings/schemas'

export interface PublicAddressOptions {
  /** PUBLIC_URL, already checked (server/config.ts). */
  configured?: string | undefined
  /** The machine's network interfaces; os.networkInterfaces() unless a test supplies its own. */
  interfaces?: () => NetworkInterfaceMap
  /** The port to hand out with a detected address; the one the server listens on by default. */
  port?: number
}

// GET /api/public-address: the address the console builds QR codes and links from. Looked at again
// on every request, so a laptop that joined the office network after start-up hands out its new
// address without a restart.
const publicAddressRoutes: FastifyPluginAsync<PublicAddressOptions> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const interfaces = opts.interfaces ?? (() => os.networkInterfaces() as NetworkInterfaceMap)

  app.get(
    '/api/public-address',
    { config: { action: 'public-address:read' }, schema: { response: { 200: publicAddressSchema, ...errors } } },
    async () => {
      const listening = app.server.address() as AddressInfo | string | null
      const port = opts.port ?? (listening && typeof listening === 'object' ? listening.port : undefined)
      return publicAddressFor({ configured: opts.configured, interfaces: interfaces(), port })
    },
  )
}

export default publicAddressRoutes
