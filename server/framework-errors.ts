import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { appError, type AppError } from '../shared/errors'

// Refusals that happen before any route runs: a URL that cannot be decoded, a parameter longer than
// any id, headers too large, a request that is not HTTP at all. Fastify and Node answer these in
// English, echoing the URL; here they get the app's one error shape, in Vietnamese, and say nothing
// of what was sent.

const refusal = (message: string): AppError => appError('BAD_REQUEST', message)

const byFrameworkCode: Record<string, { status: number; error: AppError }> = {
  FST_ERR_BAD_URL: { status: 400, error: refusal('Địa chỉ yêu cầu không hợp lệ.') },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, error: refusal('Địa chỉ yêu cầu quá dài.') },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, error: refusal('Yêu cầu không hợp lệ.') },
}

/** Fastify's `frameworkErrors`: errors of its router, before a route is chosen. */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const known = byFrameworkCode[error.code ?? ''] ?? { status: 400, error: refusal('Yêu cầu không hợp lệ.') }
  // Not returned: Fastify expects nothing back here, and a reply is thenable (a promise, to a reader).
  void reply.code(known.status).send({ ok: false, error: known.error })
}

const byClientErrorCode: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'Phần đầu (header) của yêu cầu quá lớn.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'Yêu cầu gửi đến quá chậm; máy chủ đã ngắt kết nối.' },
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser could not read. There is no request to
 * reply to, only the connection: write a complete response and close it.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const { status, message } = byClientErrorCode[err.code ?? ''] ?? { status: 400, message: 'Yêu cầu không hợp lệ.' }
  const body = JSON.stringify({ ok: false, error: refusal(message) })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
