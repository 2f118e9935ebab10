import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { fail, type Ack, type AppError } from '@shared/errors'
import { commandSchemas, type CommandType } from '@shared/meeting/commands'
import { emptyMeetingState, type MeetingState } from '@shared/meeting/model'
import { currentPetition, currentSpeaker, petitionCounts, waitingSpeakers } from '@shared/meeting/selectors'
import type { CommandResult, SpeakRequestStanding, SpeakRequestStatusRequest } from '@shared/protocol'
import type { Role } from '@shared/roles'
import { parseWith } from '@shared/validation'
import { forgetDevice, loadDevice } from '../access/devices'
import { sessionRejected, setDeviceScreen } from '../api/credentials'
import { vi } from '../i18n/vi'
import { useSessionStore } from './session'
import { offlineText } from '../i18n/offline'
import { showNotice } from '../composables/commands'
import { newCommandId } from '../realtime/commandId'
import { MeetingConnection, type CommandFields, type ConnectionStatus, type MeetingConnectionOptions } from '../realtime/connection'
import { outboxKey, storageOutbox, storedCommandHint } from '../realtime/outbox'
import { forgetCachedState, loadCachedState, saveCachedState } from '../realtime/stateCache'

// The meeting a screen is showing: the folded state, the link's health, and one action per command.
// A page shows one meeting at a time; open() replaces whatever was open.
export const useMeetingStore = defineStore('meeting', () => {
  const meetingId = ref<string | null>(null)
  const role = ref<Role | null>(null)
  // The state is replaced, never mutated (evolve is pure), so shallow reactivity is enough.
  const state = shallowRef<MeetingState>(emptyMeetingState(''))
  const status = ref<ConnectionStatus>('connecting')
  const connectionError = ref<AppError | null>(null)
  const pendingCount = ref(0)
  /** False until the first sync has answered: screens show "loading" rather than an empty meeting. */
  const loaded = ref(false)

  /** Add to Date.now() to get the server's time (from the last syncs; 0 until the first). */
  const clockOffsetMs = ref(0)
  /**
   * The server's time in ms, for countdowns: remainingMs(speech, store.now). It ticks every 250 ms
   * while a speech runs and is refreshed on every state change, so a paused or finished clock costs
   * nothing.
   */
  const now = ref(Date.now())
  const serverNow = (): number => Date.now() + clockOffsetMs.value

  let connection: MeetingConnection | null = null
  let ticker: ReturnType<typeof setInterval> | null = null

  const counts = computed(() => petitionCounts(state.value))
  const current = computed(() => currentSpeaker(state.value))
  const waiting = computed(() => waitingSpeakers(state.value))
  const finished = computed(() => state.value.speakers.filter((s) => s.status === 'finished'))
  const petition = computed(() => currentPetition(state.value))
  const speechRunning = computed(() => Boolean(current.value?.speech?.runningSince))

  function stopTicker(): void {
    if (ticker) clearInterval(ticker)
    ticker = null
  }

  watch(
    [speechRunning, state, clockOffsetMs],
    ([running]) => {
      now.value = serverNow()
      if (running && !ticker) ticker = setInterval(() => (now.value = serverNow()), 250)
      else if (!running) stopTicker()
    },
    { immediate: true },
  )

  /**
   * Connects this screen to a meeting. A signed-in person is known by the session cookie; a browser
   * paired as this meeting's chair tablet or projector also sends its device token on that screen.
   * `link.createSocket`: how to reach the server other than the page's own origin (component tests
   * connect from Node to a real server, with the session cookie a browser would send by itself).
   */
  function open(id: string, asRole: Role, link: Pick<MeetingConnectionOptions, 'createSocket'> = {}): void {
    close()
    const device = loadDevice(id)
    const deviceToken = device?.role === asRole ? device.token : undefined
    setDeviceScreen(deviceToken ? id : null)
    meetingId.value = id
    role.value = asRole
    // What this tab showed before it was reloaded, if it was: shown only if the link is down before
    // the first sync, and replaced by the connection's own state as soon as one arrives.
    let cached = loadCachedState(id, asRole)
    state.value = emptyMeetingState(id)
    status.value = 'connecting'
    connectionError.value = null
    loaded.value = false
    connection = new MeetingConnection({
      ...link,
      meetingId: id,
      role: asRole,
      deviceToken,
      onState: (next) => {
        state.value = next
      },
      onStatus: (next, error) => {
        status.value = next
        connectionError.value = error
        if (next === 'online') loaded.value = true
        if (next === 'offline' && !loaded.value && cached) {
          state.value = cached
          loaded.value = true
        }
        // Refused (revoked, signed out): the picture must not outlive the right to see it.
        if (next === 'refused') forgetCachedState(id, asRole)
        cached = null
        // Revoked or expired: forget the token so the screen offers pairing again.
        if (error?.code === 'DEVICE_REVOKED' && deviceToken) forgetDevice(id)
        // The session ended (expired, signed out elsewhere): the session store checks, and the
        // account pages send the person to sign in again.
        if (error?.code === 'UNAUTHENTICATED') sessionRejected()
      },
      onPendingChange: (count) => {
        pendingCount.value = count
      },
      onClockOffset: (offset) => {
        clockOffsetMs.value = offset
      },
      // What this browser sent to this meeting as this role and never saw answered survives a
      // reload; a refusal of it is shown in the notice line, since the form that sent it is gone.
      outbox: storageOutbox(outboxKey(id, asRole, deviceToken ? null : (useSessionStore().user?.id ?? null))),
      onRestoredAnswer: (command, ack) => {
        if (!ack.ok) showNotice('error', offlineText.restoredRefused(storedCommandHint(command), ack.error.message), 20_000)
      },
    })
    connection.start()
  }

  // A reload (or leaving the page) keeps a picture of the meeting for this tab: if the network is down
  // when the page comes back, the screen opens on it (realtime/stateCache.ts).
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', () => {
      if (connection && role.value && status.value !== 'refused') saveCachedState(role.value, state.value)
    })
  }

  function close(): void {
    connection?.close()
    connection = null
    setDeviceScreen(null)
    pendingCount.value = 0
    stopTicker()
  }

  /**
   * The transport under composables/commands.ts (screens send through useCommand, not this).
   * Checks the command with the same schema the server uses (so a bad form answers at once, even
   * offline, in the same words), then sends the normalised payload: trimmed, NFC.
   */
  async function dispatch<K extends CommandType>(type: K, fields: CommandFields<K>): Promise<Ack<CommandResult>> {
    if (!connection) return fail('INTERNAL', vi.forms.notConnected)
    const commandId = newCommandId()
    const checked = parseWith(commandSchemas[type], { ...fields, commandId })
    if (!checked.ok) return checked
    return connection.send(type, checked.data as CommandFields<K>, commandId)
  }

  /** Where this phone's own request to speak stands, with the reason if declined (the phone holds its secret). */
  const requestStatus = (request: SpeakRequestStatusRequest): Promise<Ack<SpeakRequestStanding>> =>
    connection ? connection.requestStatus(request) : Promise.resolve(fail('INTERNAL', vi.forms.notConnected))


  return {
    meetingId,
    role,
    state,
    status,
    connectionError,
    pendingCount,
    loaded,
    counts,
    current,
    waiting,
    finished,
    petition,
    clockOffsetMs,
    now,
    serverNow,
    open,
    close,
    dispatch,
    requestStatus,
  }
})
