import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { CommandInput } from '../../shared/meeting/commands'
import type { MeetingEvent } from '../../shared/meeting/events'
import type { AppSocket, FloorSocket } from './clients'
import type { Fanout } from './fanout'

export interface Sample {
  /** t0 (just before the emit) → t1 (the last viewer's handler ran). */
  latencyMs: number
  /** t0 → the sender's ack. */
  ackMs: number
  /** CPU time the server process spent between just before t0 and just after t1. */
  serverCpuMs: number
  /** Size of the Socket.IO frame each viewer received. */
  frameBytes: number
}

export interface Side {
  fanout: Fanout<MeetingEvent>
  samples: Sample[]
}

export interface MeasureSetup {
  secretary: AppSocket
  floorTrigger: FloorSocket
  app: Side
  floor: Side
  warmup: number
  commands: number
  contentChars: number
  timeoutMs: number
  serverCpuMicros(): Promise<number>
}

const paragraph =
  'Đề nghị Ủy ban nhân dân phường sớm xem xét, giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất ' +
  'cho các hộ gia đình tại tổ dân phố số 3, đã nộp hồ sơ đầy đủ từ năm 2019 nhưng đến nay vẫn chưa nhận được ' +
  'kết quả; đồng thời công khai tiến độ xử lý và lý do chậm trễ để nhân dân được biết. '

function petitionContent(chars: number): string {
  return paragraph.repeat(Math.ceil(chars / paragraph.length)).slice(0, chars)
}

/** A realistic petition: what a secretary types during a dialogue conference. */
function petition(commandId: string, n: number, content: string): CommandInput<'petition:record'> {
  return {
    commandId,
    origin: 'registered',
    field: 'Đất đai',
    title: `Kiến nghị số ${n}: cấp giấy chứng nhận quyền sử dụng đất`,
    content,
    petitionerName: 'Nguyễn Văn An',
    petitionerAddress: 'Tổ dân phố 3, phường Trung Hòa',
    confidential: false,
  }
}

/** What a Socket.IO v5-protocol text frame for this push looks like on the wire. */
function frameBytes(events: MeetingEvent[]): number {
  return Buffer.byteLength(`42${JSON.stringify(['meeting:appended', { events }])}`)
}

/**
 * Sends commands one after another; each waits until its last viewer has it (and its ack came back)
 * before the next is sent, so every figure is a latency, never a queueing delay behind the previous
 * command. App and floor alternate, command by command, so that both see the same machine: other
 * work on a shared 2-core box, JIT warm-up and heap growth land on both sides alike rather than on
 * whichever phase happened to run second. Which of the two goes first flips every round, so neither
 * always pays for the garbage the other left.
 */
export async function measure(s: MeasureSetup, progress: (done: number, total: number) => void): Promise<void> {
  const content = petitionContent(s.contentChars)
  // The floor broadcasts what the app's viewers last received, under a fresh key of the same length:
  // an equal payload, serialized from a real event.
  let lastAppEvent: MeetingEvent | null = null
  const total = s.warmup + s.commands

  const runApp = async (round: number) => {
    const commandId = randomUUID()
    const cpu0 = await s.serverCpuMicros()
    const delivered = s.app.fanout.expect(commandId, s.timeoutMs)
    const t0 = performance.now()
    const acked = s.secretary
      .timeout(s.timeoutMs)
      .emitWithAck('petition:record', petition(commandId, round + 1, content))
      .then(
        (ack) => {
          const at = performance.now()
          if (!ack.ok) throw new Error(`petition:record was refused: ${ack.error.code} (${ack.error.message})`)
          return at
        },
        (err: Error) => {
          throw new Error(`no ack for petition:record within ${s.timeoutMs / 1000} s (${err.message})`)
        },
      )
    const [{ at: t1, sample }, tAck] = await Promise.all([delivered, acked])
    const cpu1 = await s.serverCpuMicros()
    lastAppEvent = sample
    return { latencyMs: t1 - t0, ackMs: tAck - t0, serverCpuMs: (cpu1 - cpu0) / 1000, frameBytes: frameBytes([sample]) }
  }

  const runFloor = async () => {
    if (!lastAppEvent) throw new Error('the floor needs an app event to copy')
    const key = randomUUID()
    const events = [{ ...lastAppEvent, commandId: key }]
    const cpu0 = await s.serverCpuMicros()
    const delivered = s.floor.fanout.expect(key, s.timeoutMs)
    const t0 = performance.now()
    const acked = s.floorTrigger
      .timeout(s.timeoutMs)
      .emitWithAck('floor:broadcast', { events })
      .then(
        () => performance.now(),
        (err: Error) => {
          throw new Error(`no ack for floor:broadcast within ${s.timeoutMs / 1000} s (${err.message})`)
        },
      )
    const [{ at: t1, sample }, tAck] = await Promise.all([delivered, acked])
    const cpu1 = await s.serverCpuMicros()
    return { latencyMs: t1 - t0, ackMs: tAck - t0, serverCpuMs: (cpu1 - cpu0) / 1000, frameBytes: frameBytes([sample]) }
  }

  for (let round = 0; round < total; round++) {
    const measured = round >= s.warmup
    // Round 0 starts with the app: the floor has nothing to copy before it.
    const appFirst = round % 2 === 0
    const first = appFirst ? await runApp(round) : await runFloor()
    const second = appFirst ? await runFloor() : await runApp(round)
    if (measured) {
      s.app.samples.push(appFirst ? first : second)
      s.floor.samples.push(appFirst ? second : first)
    }
    progress(round + 1, total)
  }
}
