import fp from 'fastify-plugin'
import type { FastifySchemaCompiler } from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { appError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import { RequestValidationError, sendError, unexpectedFailure } from '../http-errors'

// One error shape everywhere: { ok: false, error: { code, message, fields? } }, messages in
// Vietnamese, internals never shown (the log keeps them).
export default fp(
  async (app) => {
    const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
      ({ schema }) =>
      (data) => {
        const result = parseWith(schema, data)
        return result.ok ? { value: result.data } : { error: new RequestValidationError(result.error) }
      }
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)

    // HTTP/1.1 requires a Host header (RFC 9112 §3.2); Node's own check answers without a body.
    app.addHook('onRequest', async (request, reply) => {
      if (request.raw.httpVersion === '1.1' && !request.headers.host) {
        return reply.code(400).send({ ok: false, error: appError('BAD_REQUEST', 'Yêu cầu thiếu tiêu đề Host.') })
      }
    })

    app.setErrorHandler((err, request, reply) => {
      if (err instanceof RequestValidationError) return sendError(reply, err.error)
      const status = (err as { statusCode?: number }).statusCode ?? 500
      if (status === 413) return reply.code(413).send({ ok: false, error: appError('VALIDATION_FAILED', 'Dữ liệu gửi lên quá lớn.') })
      if (status >= 400 && status < 500) {
        // Malformed JSON, wrong content type and the like: say so, without the parser's English.
        return reply.code(status).send({ ok: false, error: appError('VALIDATION_FAILED', 'Yêu cầu không hợp lệ.') })
      }
      const failure = unexpectedFailure(err)
      if (failure.code === 'UNAVAILABLE') request.log.warn({ err }, 'database unavailable')
      else request.log.error({ err }, 'unhandled error')
      return sendError(reply, failure)
    })
  },
  { name: 'errors' },
)
