import { describe, expect, it } from 'vitest'
import { buildCommand, commandTypes, parseCommand, type MeetingCreation } from './commands'
import { decide } from './decide'
import { emptyMeetingState } from './model'
import { DomainHarness, testDirectory } from './test-helpers'
import { emptyCalendar } from '../calendar/working-days'

const commandId = '7b0c8a52-3d0e-4c55-9f0e-2a4d6f1b9c10'

describe('parseCommand: the one way a command enters the domain', () => {
  it('gives the command tagged with its type, with the defaults applied', () => {
    expect(parseCommand('speaker:register', { commandId, name: '  Lò Văn Pọm ' })).toEqual({
      ok: true,
      data: { type: 'speaker:register', commandId, name: 'Lò Văn Pọm', unit: '', petitionNos: [], showName: false },
    })
    expect(parseCommand('speaker:call-next', { commandId })).toEqual({ ok: true, data: { type: 'speaker:call-next', commandId } })
  })

  it('refuses a bad payload with VALIDATION_FAILED and a Vietnamese message per field', () => {
    const result = parseCommand('petition:record', { commandId: 'not-a-uuid', origin: 'elsewhere', title: '   ', extra: 1 })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.stringMatching(/^Dữ liệu không hợp lệ\./),
        fields: { commandId: 'Sai định dạng.', origin: 'Giá trị không được chấp nhận.', title: 'Không được để trống.', _: 'Trường không được hỗ trợ: extra.' },
      },
    })
    for (const payload of [undefined, null, 'speaker', 42, [commandId]]) {
      expect(parseCommand('speaker:call-next', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Dữ liệu không hợp lệ\./) } })
    }
    // A payload cannot choose another command's type: the type comes from the name it was sent under.
    expect(parseCommand('speaker:call-next', { commandId, type: 'meeting:set-phase' })).toMatchObject({ ok: false, error: { fields: { _: 'Trường không được hỗ trợ: type.' } } })
  })

  it('refuses a name that is no command with UNKNOWN_COMMAND, in Vietnamese, and never a meeting creation', () => {
    expect(parseCommand('speaker:fly', { commandId })).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Lệnh không được hỗ trợ: «speaker:fly».' } })
    expect(parseCommand(1, { commandId })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'Lệnh không được hỗ trợ: tên lệnh phải là chuỗi ký tự.' } })
    expect(parseCommand('toString', { commandId })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
    // Opening a meeting goes to the office (POST /api/meetings), not to a meeting's commands.
    expect(parseCommand('meeting:create', { commandId, title: 'Hội nghị' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
  })

  it('accepts every command type it knows', () => {
    // An empty payload lacks its command id: a validation failure, not an unknown command.
    for (const type of commandTypes) expect(parseCommand(type, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { commandId: 'Thiếu trường bắt buộc.' } } })
  })

  it('lets the server build its own commands, and throws on its own mistakes', () => {
    expect(buildCommand('meeting:set-phase', commandId, { phase: 'dialogue' })).toEqual({ type: 'meeting:set-phase', commandId, phase: 'dialogue' })
    // @ts-expect-error: a phase that does not exist, as a server bug would send it
    expect(() => buildCommand('meeting:set-phase', commandId, { phase: 'recess' })).toThrow(/meeting:set-phase: Dữ liệu không hợp lệ/)
  })
})

describe('meeting creation, decided like every command', () => {
  const creation: MeetingCreation = {
    type: 'meeting:create',
    commandId,
    title: 'Hội nghị đối thoại',
    venue: 'Hội trường',
    meetingDate: '2026-06-19',
    chairName: 'Lò Văn Hùng',
    chairTitle: 'Chủ tịch UBND xã',
    secretaryName: '',
    level: 'commune',
    audience: 'citizens',
    form: 'periodic',
  }
  const ctx = { at: '2026-06-20T08:00:00.000Z', directory: testDirectory, calendar: emptyCalendar }

  it("gives the meeting's first event on the empty state", () => {
    expect(decide(emptyMeetingState('m'), creation, ctx)).toEqual({
      ok: true,
      data: [
        {
          type: 'meeting.created',
          payload: {
            title: 'Hội nghị đối thoại',
            venue: 'Hội trường',
            details: { meetingDate: '2026-06-19', chairName: 'Lò Văn Hùng', chairTitle: 'Chủ tịch UBND xã', delegated: false, secretaryName: '', level: 'commune', audience: 'citizens', form: 'periodic' },
          },
        },
      ],
    })
  })

  it('is refused on a meeting that exists, open or closed', () => {
    const hall = new DomainHarness()
    expect(decide(hall.state, creation, ctx)).toMatchObject({ ok: false, error: { code: 'NO_CHANGE', message: 'Hội nghị này đã được tạo rồi.' } })
  })
})
