import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { projectedFollowUps } from '../../db/repositories/meeting-projection'
import { followUpReadUnit, mayDo, seesConfidentialPetitioners, type Principal } from '../../shared/access/policy'
import type { AuditActor } from '../../shared/access/accounts'
import { vietnamDate } from '../../shared/calendar/working-days'
import { fail, ok, type Result } from '../../shared/errors'
import { followUpItems, followUpStatus, publicFollowUpItem, type FollowUpItem, type FollowUpStatus } from '../../shared/followup'
import { decideFollowUpExtension, decideFollowUpResult, itemToChange, type FollowUpChange } from '../../shared/meeting/decide-follow-up'
import type { FollowUpResult } from '../../shared/meeting/model'
import type { Role } from '../../shared/roles'
import type { MeetingLog } from '../meetings/meeting-log'
import type { OfficeData } from '../office/office-data'
import { actorOf } from '../auth/principal'

export type FollowUpView = FollowUpItem & { status: FollowUpStatus }

/** Who reads or changes follow-up items, as this service needs to know them. */
export interface FollowUpCaller {
  /** Reads its own unit's items only (a unit lead), or every item (null). */
  readUnit: string | null
  /** Sees a confidential petition's subject (the secretary and the chair). */
  seesConfidential: boolean
  /** Changes any item (null: the secretary) or its own unit's only; absent: may change none. */
  changeUnit: string | null | undefined
  /** Kept with the events: the person, and their role in the meeting when they have one. */
  actor: AuditActor | null
  role: Role | null
}

/** The caller as the office's policy sees them. */
export function followUpCaller(principal: Principal, address?: string): FollowUpCaller {
  const roles = principal.kind === 'user' ? principal.user.roles : []
  const secretary = roles.includes('secretary')
  // Reading more (oversight, chair) never widens what a unit lead may change.
  const changeUnit = principal.kind !== 'user' || !mayDo(principal, 'followups:report') ? undefined : secretary ? null : roles.includes('unit_lead') ? (principal.user.unitId ?? '') : undefined
  return {
    readUnit: followUpReadUnit(principal),
    seesConfidential: seesConfidentialPetitioners(principal),
    changeUnit,
    actor: actorOf(principal, address),
    role: secretary ? 'secretary' : null,
  }
}

const notYourUnit = 'Kiến nghị này không giao cho đơn vị của bạn.'

/**
 * Follow-up of the commitments made in the room, per meeting and across meetings. An extension or a
 * result is an event of the meeting's log (recorded like the notice's issue: one transaction under
 * the meeting's lock, idempotent by its command id), so the record and its audit are one entry.
 * Lists across meetings read the meeting projection rather than every log.
 */
export class FollowUpService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: MeetingLog,
    private readonly office: OfficeData,
    private readonly today: () => string = () => vietnamDate(new Date()),
  ) {}

  /** A meeting's items as `caller` may see them, with their status today. */
  async ofMeeting(meetingId: string, caller: FollowUpCaller): Promise<Result<FollowUpView[]>> {
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const mine = followUpItems(state).filter((i) => caller.readUnit === null || i.unitId === caller.readUnit)
    return ok(await this.withStatus(mine.map((i) => this.asSeenBy(i, caller))))
  }

  /**
   * What every unit still owes, across meetings, soonest first. Items carry no petitioner, and a
   * confidential petition appears by its number only even to the secretary: its subject alone can
   * point to who filed it (the projection keeps them so).
   */
  async acrossMeetings(caller: FollowUpCaller): Promise<FollowUpView[]> {
    const items = (await projectedFollowUps(this.db)).filter((i) => caller.readUnit === null || i.unitId === caller.readUnit)
    const all = await this.withStatus(items)
    return all.sort((a, b) => (a.effectiveDueDate < b.effectiveDueDate ? -1 : a.effectiveDueDate > b.effectiveDueDate ? 1 : 0))
  }

  /** The one extension (the secretary), to the rules' longer period. */
  extend(meetingId: string, petitionNo: number, request: { reason: string; commandId?: string | undefined }, caller: FollowUpCaller): Promise<Result<FollowUpView>> {
    return this.change(meetingId, { petitionNo, unitId: caller.changeUnit ?? null }, caller, {
      type: 'follow-up:extend',
      commandId: request.commandId,
      payload: { petitionNo, reason: request.reason },
      decide: (state, ctx, change) => decideFollowUpExtension(state, { ...change, reason: request.reason }, ctx),
    })
  }

  /** The result, once, by the secretary or the unit that owes it. */
  reportResult(meetingId: string, petitionNo: number, request: FollowUpResult & { commandId?: string | undefined }, caller: FollowUpCaller): Promise<Result<FollowUpView>> {
    const result = { text: request.text, date: request.date, petitionerAnswered: request.petitionerAnswered }
    if (caller.changeUnit === undefined) return Promise.resolve(fail('FORBIDDEN', notYourUnit))
    return this.change(meetingId, { petitionNo, unitId: caller.changeUnit }, caller, {
      type: 'follow-up:report-result',
      commandId: request.commandId,
      payload: { petitionNo, ...result },
      decide: (state, ctx, change) => decideFollowUpResult(state, { ...change, result }, ctx),
    })
  }

  private async change(
    meetingId: string,
    change: FollowUpChange,
    caller: FollowUpCaller,
    entry: {
      type: string
      commandId: string | undefined
      payload: object
      decide: (state: Parameters<typeof decideFollowUpResult>[0], ctx: Parameters<typeof decideFollowUpExtension>[2], change: FollowUpChange) => ReturnType<typeof decideFollowUpResult>
    },
  ): Promise<Result<FollowUpView>> {
    // Without the caller's own command id, a request the state refuses now is answered without
    // touching the log (a retry without an id is told it was already recorded, as before). With an
    // id, the log answers a retry with the first result instead.
    if (entry.commandId === undefined) {
      const state = await this.log.state(meetingId)
      if (!state) return fail('MEETING_NOT_FOUND')
      const { calendar, rules } = await this.office.context()
      const early = entry.decide(state, { at: new Date().toISOString(), calendar, rules }, change)
      if (!early.ok) return early
    }
    const recorded = await this.log.record(meetingId, {
      commandId: entry.commandId ?? randomUUID(),
      type: entry.type,
      payload: entry.payload,
      role: caller.role,
      actor: caller.actor,
      decide: (state, ctx) => entry.decide(state, ctx, change),
    })
    if (!recorded.ok) return recorded
    return this.item(meetingId, change.petitionNo, caller)
  }

  /** One item as `caller` sees it now. */
  private async item(meetingId: string, petitionNo: number, caller: FollowUpCaller): Promise<Result<FollowUpView>> {
    const state = await this.log.state(meetingId)
    if (!state) return fail('MEETING_NOT_FOUND')
    const found = itemToChange(state, { petitionNo, unitId: null })
    if (!found.ok) return found
    const [view] = await this.withStatus([this.asSeenBy(found.data, caller)])
    return ok(view!)
  }

  private asSeenBy(item: FollowUpItem, caller: FollowUpCaller): FollowUpItem {
    return caller.seesConfidential ? item : publicFollowUpItem(item)
  }

  private async withStatus(items: FollowUpItem[]): Promise<FollowUpView[]> {
    if (!items.length) return []
    const { calendar } = await this.office.context()
    const today = this.today()
    return items.map((i) => ({ ...i, status: followUpStatus(i, today, calendar) }))
  }
}
