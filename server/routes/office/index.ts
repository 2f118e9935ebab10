import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listCalendarDays } from '../../../db/repositories/calendar'
import {
  deleteOfficial,
  deleteUnit,
  insertOfficial,
  insertUnit,
  loadDirectory,
  unitExists,
  updateOfficial,
  updateUnit,
} from '../../../db/repositories/directory'
import { officialInputSchema, unitInputSchema } from '../../../shared/directory'
import { sendError } from '../../http-errors'
import { errors } from '../meetings/schemas'

// The office's directory of units and officials (who may be assigned to answer) and its holiday
// calendar. Editing is open on the office network for now; accounts (issue 5) will restrict it to
// administrators. Meetings keep copies of the names they used, so edits never change a record.
const idParams = z.strictObject({ id: z.uuid() })
const unit = z.object({ id: z.string(), name: z.string() })
const official = z.object({ id: z.string(), name: z.string(), title: z.string(), unitId: z.string().nullable() })
const directory = z.object({ units: z.array(unit), officials: z.array(official) })

const officeRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const changed = () => app.office.invalidate()

  app.get('/api/directory', { schema: { response: { 200: directory } } }, async () => loadDirectory(app.db))

  app.post('/api/directory/units', { schema: { body: unitInputSchema, response: { 201: unit, ...errors } } }, async (req, reply) => {
    const created = { id: randomUUID(), name: req.body.name }
    await insertUnit(app.db, created)
    changed()
    return reply.code(201).send(created)
  })

  app.put('/api/directory/units/:id', { schema: { params: idParams, body: unitInputSchema, response: { 200: unit, ...errors } } }, async (req, reply) => {
    const updated = { id: req.params.id, name: req.body.name }
    if (!(await updateUnit(app.db, updated))) return sendError(reply, { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị trong danh bạ.' })
    changed()
    return updated
  })

  app.delete('/api/directory/units/:id', { schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (!(await deleteUnit(app.db, req.params.id))) return sendError(reply, { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị trong danh bạ.' })
    changed()
    return reply.code(204).send(null)
  })

  app.post('/api/directory/officials', { schema: { body: officialInputSchema, response: { 201: official, ...errors } } }, async (req, reply) => {
    if (req.body.unitId && !(await unitExists(app.db, req.body.unitId))) {
      return sendError(reply, { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị trong danh bạ.' })
    }
    const created = { id: randomUUID(), ...req.body }
    await insertOfficial(app.db, created)
    changed()
    return reply.code(201).send(created)
  })

  app.put(
    '/api/directory/officials/:id',
    { schema: { params: idParams, body: officialInputSchema, response: { 200: official, ...errors } } },
    async (req, reply) => {
      if (req.body.unitId && !(await unitExists(app.db, req.body.unitId))) {
        return sendError(reply, { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị trong danh bạ.' })
      }
      const updated = { id: req.params.id, ...req.body }
      if (!(await updateOfficial(app.db, updated))) return sendError(reply, { code: 'OFFICIAL_NOT_FOUND', message: 'Không tìm thấy cán bộ trong danh bạ.' })
      changed()
      return updated
    },
  )

  app.delete('/api/directory/officials/:id', { schema: { params: idParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    if (!(await deleteOfficial(app.db, req.params.id))) return sendError(reply, { code: 'OFFICIAL_NOT_FOUND', message: 'Không tìm thấy cán bộ trong danh bạ.' })
    changed()
    return reply.code(204).send(null)
  })

  app.get(
    '/api/calendar',
    { schema: { response: { 200: z.object({ days: z.array(z.object({ day: z.string(), kind: z.string(), note: z.string() })) }) } } },
    async () => ({ days: await listCalendarDays(app.db) }),
  )
}

export default officeRoutes
