import { isCommandType, type CommandType } from '@shared/meeting/commands'
import type { Role } from '@shared/roles'

// The commands a screen has sent but the server has not yet answered, kept in localStorage so a
// reload or a browser restart on the same device loses nothing typed during a network drop. One list
// per meeting, role and person (`hnd:outbox:<meetingId>:<role>:<userId>`; a paired device has no
// person), so what one secretary left is never sent under another's name after a change of account
// on a shared computer. It holds only what resending needs: the
// command's type, its payload and its commandId. The screen that opens the meeting again sends each
// with the SAME id: the server answers a command it already committed with the original result, so
// one that landed just before the reload is not applied twice.
//
// Every change re-reads the list first: two tabs of the same screen add and remove their own entries
// without wiping the other's (if both resend one, the server still applies it once).

export interface StoredCommand {
  commandId: string
  type: CommandType
  payload: { commandId: string } & Record<string, unknown>
}

export interface Outbox {
  list(): StoredCommand[]
  add(command: StoredCommand): void
  remove(commandId: string): void
}

const prefix = 'hnd:outbox:'
/** `owner`: the signed-in person's id, or nothing on a paired device. */
export const outboxKey = (meetingId: string, role: Role, owner: string | null = null): string =>
  `${prefix}${meetingId}:${role}${owner ? `:${owner}` : ''}`

/** The stored list, without any entry that is malformed or names a command this app does not know. */
export function parseOutbox(raw: string | null): StoredCommand[] {
  if (!raw) return []
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  const seen = new Set<string>()
  const commands: StoredCommand[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue
    const { commandId, type, payload } = entry as Record<string, unknown>
    if (typeof commandId !== 'string' || !commandId || seen.has(commandId)) continue
    if (typeof type !== 'string' || !isCommandType(type)) continue
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) continue
    if ((payload as Record<string, unknown>).commandId !== commandId) continue
    seen.add(commandId)
    commands.push({ commandId, type, payload: payload as StoredCommand['payload'] })
  }
  return commands
}

/** The list with `command` appended (replacing an entry with the same id, which keeps its place). */
export function withCommand(list: readonly StoredCommand[], command: StoredCommand): StoredCommand[] {
  const entry = { commandId: command.commandId, type: command.type, payload: command.payload }
  const at = list.findIndex((c) => c.commandId === command.commandId)
  if (at < 0) return [...list, entry]
  return list.map((c, i) => (i === at ? entry : c))
}

export const withoutCommand = (list: readonly StoredCommand[], commandId: string): StoredCommand[] =>
  list.filter((c) => c.commandId !== commandId)

/** A few words naming a stored command by what was typed in it (a name, a title, a text), or ''. */
export function storedCommandHint(command: StoredCommand): string {
  const { name, title, summary, text } = command.payload
  const typed = [name, title, summary, text].find((v): v is string => typeof v === 'string' && v.trim() !== '')
  if (!typed) return ''
  const short = typed.trim().replace(/\s+/g, ' ')
  return `“${short.length > 60 ? `${short.slice(0, 59)}…` : short}”`
}

/** The outbox under `key` (outboxKey) in `storage`; nothing is kept when storage is unavailable. */
export function storageOutbox(key: string, storage: Storage | null = browserStorage()): Outbox {
  const read = (): StoredCommand[] => {
    try {
      return parseOutbox(storage?.getItem(key) ?? null)
    } catch {
      return []
    }
  }
  const write = (list: StoredCommand[]): void => {
    try {
      if (list.length === 0) storage?.removeItem(key)
      else storage?.setItem(key, JSON.stringify(list))
    } catch {
      // Full or forbidden: the command still waits in memory, as it did before this file existed.
    }
  }
  return {
    list: read,
    add: (command) => write(withCommand(read(), command)),
    remove: (commandId) => write(withoutCommand(read(), commandId)),
  }
}

/** An outbox that lives as long as the page (tests, and screens that must not persist). */
export function memoryOutbox(initial: StoredCommand[] = []): Outbox & { entries: StoredCommand[] } {
  const box = {
    entries: [...initial],
    list: () => [...box.entries],
    add: (command: StoredCommand) => void (box.entries = withCommand(box.entries, command)),
    remove: (commandId: string) => void (box.entries = withoutCommand(box.entries, commandId)),
  }
  return box
}

// localStorage throws in some privacy modes and embedded browsers: commands then wait in memory only.
function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
