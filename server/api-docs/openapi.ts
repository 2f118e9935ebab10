import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actionPolicy, type Action, type Grant } from '../../shared/access/policy'
import { ErrorCode } from '../../shared/errors'
import { SESSION_COOKIE } from '../auth/principal'
import { routeSummaries } from './summaries'

// The REST API described as OpenAPI 3, generated from the routes themselves: each route's zod
// schemas (the ones that validate its requests) become the document's schemas, so the description
// cannot drift from what the server accepts. What a schema cannot say is added here, from what the
// route declares: its group (from its access action), a Vietnamese summary, who may call it, and
// the app's one error shape for the refusals every route can give.

/** The document's groups, one per access area of shared/access/policy.ts (the part before ':'). */
const tags = {
  health: { name: 'Hệ thống', description: 'Tình trạng máy chủ.' },
  auth: { name: 'Đăng nhập', description: 'Phiên đăng nhập của cán bộ: đăng nhập, đặt và đổi mật khẩu, đăng xuất.' },
  users: { name: 'Tài khoản', description: 'Quản trị viên quản lý tài khoản cán bộ và vai trò.' },
  meetings: { name: 'Hội nghị', description: 'Danh sách hội nghị và tạo hội nghị mới.' },
  meeting: { name: 'Diễn biến hội nghị', description: 'Trạng thái, nhật ký sự kiện và lệnh điều hành của một hội nghị (cùng lệnh với kết nối trực tiếp).' },
  office: { name: 'Cơ quan', description: 'Danh bạ đơn vị, cán bộ trả lời, lịch ngày nghỉ, quy tắc thời hạn và thông tin cơ quan.' },
  documents: { name: 'Văn bản', description: 'Biên bản, thông báo kết luận và sổ văn bản.' },
  followups: { name: 'Theo dõi sau hội nghị', description: 'Việc phải trả lời bằng văn bản: gia hạn và kết quả.' },
  reports: { name: 'Báo cáo', description: 'Báo cáo kết quả qua nhiều hội nghị.' },
  devices: { name: 'Thiết bị', description: 'Ghép nối và thu hồi máy tính bảng, máy chiếu trong hội trường.' },
  audit: { name: 'Nhật ký kiểm tra', description: 'Ai đã thay đổi gì, để giám sát.' },
  'public-address': { name: 'Địa chỉ truy cập', description: 'Địa chỉ phát cho các thiết bị trong hội trường.' },
  'api-docs': { name: 'Mô tả API', description: 'Tài liệu này.' },
} as const

type Area = keyof typeof tags

/** The group of a route: the area of its access action. */
export function tagOf(action: Action): string {
  const area = action.split(':')[0] as Area
  return tags[area]?.name ?? area
}

/** The one error shape of every refusal: `{ ok: false, error: { code, message, fields? } }`. */
const errorBody = z
  .object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]).describe('Mã lỗi, để chương trình rẽ nhánh'),
      message: z.string().describe('Thông báo bằng tiếng Việt, hiển thị cho người dùng'),
      fields: z.record(z.string(), z.string()).optional().describe('Lỗi theo từng trường dữ liệu gửi lên'),
    }),
  })

/** What each refusal status means here (shared/errors.ts and server/http-errors.ts give the codes). */
const refusalMeaning: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ (xem `error.fields`)',
  401: 'Chưa đăng nhập, phiên đã hết hạn hoặc thiết bị đã bị thu hồi',
  403: 'Không có quyền, hoặc thiếu mã chống giả mạo (`x-csrf-token`)',
  404: 'Không tìm thấy',
  409: 'Không làm được ở trạng thái hiện tại',
  422: 'Dữ liệu hợp lệ nhưng không áp dụng được (ví dụ: ngày không phải ngày làm việc)',
  429: 'Quá nhiều yêu cầu, thử lại sau',
  500: 'Lỗi không lường trước (chi tiết chỉ ghi ở nhật ký máy chủ)',
  503: 'Cơ sở dữ liệu tạm thời không truy cập được: gửi lại (cùng mã lệnh) sau',
}
const errorResponse = (status: number) => ({
  description: refusalMeaning[status] ?? 'Yêu cầu bị từ chối',
  content: { 'application/json': { schema: errorBody } },
})

/**
 * Schemas named once in the document's components and referenced from every route: the error
 * shape alone, written out in each of some 60 routes × 10 statuses, made the document 1 MB.
 */
const namedSchemas = z.registry<{ id: string }>()
namedSchemas.add(errorBody, { id: 'Error' })
const transformSchema = createJsonSchemaTransform({ schemaRegistry: namedSchemas })

/** A file to download (a document's .docx or its printable page): what a route with no JSON answer sends. */
const fileResponse = {
  description: 'Tệp tải về: .docx, hoặc trang HTML để in',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
    'text/html': { schema: { type: 'string' } },
  },
}

const successMeaning: Record<number, string> = { 200: 'Thành công', 201: 'Đã tạo' }
/** 204: no body at all (the route declares `z.null()` for Fastify's serializer); type 'null' tells @fastify/swagger so. */
const noContent = { type: 'null', description: 'Xong, không có nội dung trả về' }

const isPublic = (action: Action) => (actionPolicy[action] as readonly Grant[]).includes('anyone')

interface RouteSchema {
  body?: unknown
  params?: unknown
  querystring?: unknown
  response?: Record<string | number, unknown>
  [key: string]: unknown
}

/**
 * The refusals a route can give whatever its handler does: bad input (400) when it reads any;
 * not signed in or not allowed (401, 403) unless anyone may call it; too many requests (429); an
 * unexpected failure (500, 503). A status the route declares itself keeps its own schema.
 */
function withErrorResponses(schema: RouteSchema, action: Action): RouteSchema {
  const statuses = new Set([429, 500, 503, ...Object.keys(schema.response ?? {}).map(Number)])
  if (schema.body || schema.params || schema.querystring) statuses.add(400)
  if (!isPublic(action)) [401, 403].forEach((s) => statuses.add(s))
  const response: Record<string, unknown> = {}
  for (const status of [...statuses].sort()) {
    const declared = schema.response?.[status]
    response[status] =
      status >= 400 ? errorResponse(status) : declared instanceof z.ZodType ? { description: successMeaning[status] ?? 'Thành công', content: { 'application/json': { schema: declared } } } : declared
  }
  return { ...schema, response }
}

/** Who may call: a person's session cookie (with the CSRF header on writes) or a paired device's token. */
function securityOf(action: Action, method: string): Record<string, string[]>[] {
  if (isPublic(action)) return []
  const grants = actionPolicy[action] as readonly Grant[]
  const person: Record<string, string[]> = method === 'GET' ? { session: [] } : { session: [], csrf: [] }
  return [...(grants.some((g) => g !== 'device') ? [person] : []), ...(grants.includes('device') ? [{ device: [] }] : [])]
}

const transform: NonNullable<FastifyDynamicSwaggerOptions['transform']> = (input) => {
  const action = (input.route.config as { action?: Action } | undefined)?.action
  // Only the /api routes are the API: the pages, their assets and this document's own routes are not.
  if (!input.url.startsWith('/api/') || !action || action === 'api-docs:read' || input.route.method === 'HEAD') {
    return { schema: { hide: true }, url: input.url }
  }
  const method = [input.route.method].flat()[0] as string
  const schema = {
    ...withErrorResponses((input.schema ?? {}) as RouteSchema, action),
    tags: [tagOf(action)],
    summary: routeSummaries[`${method} ${input.url}`] ?? `${method} ${input.url}`,
    description: `Quyền: \`${action}\` (${(actionPolicy[action] as readonly Grant[]).join(', ')}).`,
    security: securityOf(action, method),
  }
  const transformed = transformSchema({ ...input, schema: schema as typeof input.schema }) as { schema: { response: Record<string, unknown> }; url: string }
  if (!Object.keys(transformed.schema.response).some((s) => s.startsWith('2'))) transformed.schema.response['200'] = fileResponse
  if ('204' in transformed.schema.response) transformed.schema.response['204'] = noContent
  return transformed
}

export function openApiOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Hội nghị đối thoại — REST API',
        version,
        description: [
          'API của phần mềm điều hành hội nghị đối thoại trực tiếp, để hệ thống khác của cơ quan kết nối.',
          'Mọi lỗi trả về cùng một dạng `{ ok: false, error: { code, message } }`; `message` bằng tiếng Việt, `code` để chương trình xử lý.',
          'Cán bộ đăng nhập bằng `POST /api/auth/sign-in` (cookie phiên); mỗi yêu cầu ghi (POST, PUT, PATCH, DELETE) gửi kèm tiêu đề `x-csrf-token` nhận được khi đăng nhập.',
          'Thiết bị đã ghép nối gửi `Authorization: Bearer <mã>`.',
        ].join('\n\n'),
      },
      tags: Object.values(tags).filter((t) => t.name !== tags['api-docs'].name),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Phiên đăng nhập của cán bộ.' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'Mã chống giả mạo yêu cầu, bắt buộc khi ghi bằng cookie phiên.' },
          device: { type: 'http', scheme: 'bearer', description: 'Mã của thiết bị đã ghép nối (máy tính bảng, máy chiếu).' },
        },
      },
    },
    transform,
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: namedSchemas }),
  }
}
