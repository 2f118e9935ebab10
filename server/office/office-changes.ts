import type { FastifyRequest } from 'fastify'

// How an administrator's change to the office's data reads in the audit trail. Keyed by the route,
// so every office:write route is described here or falls back to its method and path. null: the
// route writes its own audit row inside its transaction (loading or confirming a calendar year), or
// changes nothing (a preview).
type Body = { name?: unknown; kind?: unknown; note?: unknown } | null | undefined
const named = (body: Body) => (typeof body?.name === 'string' ? `«${body.name}»` : '')

const descriptions: Record<string, (req: FastifyRequest) => string | null> = {
  'POST /api/directory/units': (r) => `Thêm đơn vị ${named(r.body as Body)}`,
  'PUT /api/directory/units/:id': (r) => `Đổi tên đơn vị thành ${named(r.body as Body)}`,
  'DELETE /api/directory/units/:id': () => 'Xóa một đơn vị khỏi danh bạ',
  'POST /api/directory/officials': (r) => `Thêm cán bộ ${named(r.body as Body)}`,
  'PUT /api/directory/officials/:id': (r) => `Sửa thông tin cán bộ ${named(r.body as Body)}`,
  'DELETE /api/directory/officials/:id': () => 'Xóa một cán bộ khỏi danh bạ',
  'PUT /api/office/deadlines': () => 'Sửa thời hạn giải quyết (ngày làm việc)',
  'PUT /api/office': () => 'Sửa thông tin cơ quan in trên văn bản',
  'PUT /api/calendar/:day': (r) => {
    const body = r.body as Body
    const day = (r.params as { day?: string }).day
    return `Lịch ngày ${day}: ${body?.kind === 'day_off' ? 'nghỉ' : 'làm việc'}${typeof body?.note === 'string' && body.note ? ` (${body.note})` : ''}`
  },
  'DELETE /api/calendar/:day': (r) => `Bỏ ngày ${(r.params as { day?: string }).day} khỏi lịch`,
  'POST /api/calendar/years/:year/preview': () => null,
  'PUT /api/calendar/years/:year': () => null,
  'PUT /api/calendar/years/:year/confirmation': () => null,
}

export function describeOfficeChange(req: FastifyRequest): string | null {
  const key = `${req.method} ${req.routeOptions.url}`
  const describe = descriptions[key]
  return describe ? describe(req) : key
}
