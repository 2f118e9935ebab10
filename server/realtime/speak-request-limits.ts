import { appError, type AppError } from '../../shared/errors'

// How many requests to speak a phone may send. Anyone in the hall can open the attendee page, so
// what one phone (or one script) sends is bounded before it reaches the meeting log:
// - a phone (its socket) has at most one request waiting for the secretary, and sends at most
//   `perPhone` in the window;
// - an address sends at most `perAddress` in the window. It is larger: a hall's phones often share
//   one address through the hall's Wi-Fi, and a phone that reconnects is a new socket.
// The meeting's own cap (waiting requests per meeting) is a rule of the domain (decide-speak-requests.ts).

export interface PhoneRequestLimits {
  perPhone: number
  perAddress: number
  windowMs: number
}

export const DEFAULT_PHONE_REQUEST_LIMITS: PhoneRequestLimits = { perPhone: 5, perAddress: 60, windowMs: 10 * 60_000 }

const tooMany = (minutes: number) =>
  appError('SPEAK_REQUESTS_TOO_MANY', `Điện thoại này đã gửi nhiều đăng ký phát biểu trong ${minutes} phút qua. Vui lòng chờ ít phút, hoặc đăng ký tại bàn thư ký.`)

const recent = (times: number[], now: number, windowMs: number) => times.filter((t) => now - t < windowMs)

/** Per address, shared by every socket of the process. */
export class AddressRequestCounter {
  private readonly sent = new Map<string, number[]>()

  constructor(readonly limits: PhoneRequestLimits = DEFAULT_PHONE_REQUEST_LIMITS) {}

  /** Refusal for a new request from `key` (meeting and address), or null. */
  check(key: string, now: number): AppError | null {
    const times = recent(this.sent.get(key) ?? [], now, this.limits.windowMs)
    if (times.length) this.sent.set(key, times)
    else this.sent.delete(key)
    return times.length >= this.limits.perAddress ? tooMany(this.limits.windowMs / 60_000) : null
  }

  count(key: string, now: number): void {
    this.sent.set(key, [...(this.sent.get(key) ?? []), now])
  }
}

/** One phone's (socket's) requests: which it sent, and when. */
export class PhoneRequests {
  private times: number[] = []
  readonly requestIds = new Set<string>()
  /** Commands already let through: a retry of one is answered by the log, not counted again. */
  readonly commandIds = new Set<string>()

  constructor(private readonly limits: PhoneRequestLimits) {}

  check(now: number, waiting: (requestId: string) => boolean): AppError | null {
    if ([...this.requestIds].some(waiting)) return appError('SPEAK_REQUEST_PENDING')
    this.times = recent(this.times, now, this.limits.windowMs)
    return this.times.length >= this.limits.perPhone ? tooMany(this.limits.windowMs / 60_000) : null
  }

  count(now: number, commandId: string, requestId: string): void {
    this.times.push(now)
    this.commandIds.add(commandId)
    this.requestIds.add(requestId)
  }
}
