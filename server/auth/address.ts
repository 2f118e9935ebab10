import type { IncomingMessage } from 'node:http'
import proxyAddr from '@fastify/proxy-addr'

/**
 * Where a socket's handshake came from, by the same rule Fastify applies to REST requests
 * (TRUST_PROXY): behind a trusted reverse proxy, the device's own address from X-Forwarded-For;
 * otherwise the connection's. The audit trail names it for every command the socket issues.
 */
export function addressResolver(trustProxy: unknown): (req: IncomingMessage) => string {
  const trust =
    trustProxy === true
      ? () => true
      : typeof trustProxy === 'string' && trustProxy
        ? proxyAddr.compile(trustProxy.split(',').map((a) => a.trim()))
        : () => false
  return (req) => proxyAddr(req, trust)
}
