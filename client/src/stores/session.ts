import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { changePasswordSchema, setPasswordSchema, signInSchema, type OfficeRole, type SessionInfo, type SessionUser } from '@shared/access/accounts'
import { anonymous, mayDo, screenRolesFor, type Action, type Principal } from '@shared/access/policy'
import type { Ack, AppError } from '@shared/errors'
import type { Role } from '@shared/roles'
import { parseWith } from '@shared/validation'
import { loadDevice, onDevicesChanged } from '../access/devices'
import { rememberSessionUser, rememberedSessionUser } from '../access/sessionHint'
import { forgetCachedStates } from '../realtime/stateCache'
import { vi } from '../i18n/vi'
import * as auth from '../api/auth'
import { onSessionRejected, setSessionCredentials } from '../api/credentials'

// Who uses this browser: the signed-in person (GET /api/auth/session, loaded once at startup) and,
// per meeting, the paired device it may be. The UI asks `may(action, meetingId)` only to hide what
// the server would refuse; the server decides.
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null)
  const csrfToken = ref<string | null>(null)
  const setupRequired = ref(false)
  const loaded = ref(false)
  /** Why the session could not be checked (the server is down): pages say so instead of guessing. */
  const loadError = ref<AppError | null>(null)
  // Device tokens live in localStorage, which Vue cannot watch: bumped whenever one changes.
  const devicesVersion = ref(0)
  let loading: Promise<void> | null = null

  onDevicesChanged(() => (devicesVersion.value += 1))
  // A request refused for want of a session (it expired, or was ended elsewhere): check again, so
  // the pages that need an account send the person to sign in.
  onSessionRejected(() => void refresh())

  function apply(info: SessionInfo): void {
    user.value = info.user
    csrfToken.value = info.csrfToken
    setupRequired.value = info.setupRequired
    setSessionCredentials(info.csrfToken, info.user !== null)
    rememberSessionUser(info.user)
  }

  let recheck: ReturnType<typeof setTimeout> | null = null

  async function refresh(): Promise<void> {
    const result = await auth.getSession()
    loaded.value = true
    loadError.value = result.ok ? null : result.error
    if (recheck) clearTimeout(recheck)
    recheck = null
    if (result.ok) return apply(result.data)
    // The server could not be reached at all (a reload during a network drop): the person this tab
    // last knew opens the pages they had open, with no CSRF token, until the server answers.
    if (result.error.message !== vi.localErrors.network) return
    const hint = user.value ?? rememberedSessionUser()
    if (!hint) return
    user.value = hint
    recheck = setTimeout(() => void refresh(), 5_000)
  }

  /** The first check, shared by every caller (the router's guard awaits it before any page). */
  function load(): Promise<void> {
    loading ??= refresh()
    return loading
  }

  async function signIn(username: string, password: string): Promise<Ack<SessionInfo>> {
    const checked = parseWith(signInSchema, { username, password })
    if (!checked.ok) return checked
    const result = await auth.signIn(checked.data.username, checked.data.password)
    if (result.ok) apply(result.data)
    return result
  }

  async function signOut(): Promise<Ack<null>> {
    const result = await auth.signOut()
    // Signed out here whatever the server says: an expired session is already gone there.
    apply({ user: null, csrfToken: null, setupRequired: false })
    forgetCachedStates()
    return result
  }

  async function setPassword(token: string, password: string): Promise<Ack<SessionInfo>> {
    const checked = parseWith(setPasswordSchema, { token, password })
    if (!checked.ok) return checked
    const result = await auth.setPassword(checked.data.token, checked.data.password)
    if (result.ok) apply(result.data)
    return result
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<Ack<null>> {
    const checked = parseWith(changePasswordSchema, { currentPassword, newPassword })
    if (!checked.ok) return checked
    return auth.changePassword(checked.data.currentPassword, checked.data.newPassword)
  }

  const signedIn = computed(() => user.value !== null)
  const roles = computed<OfficeRole[]>(() => user.value?.roles ?? [])
  const hasRole = (role: OfficeRole): boolean => roles.value.includes(role)

  /**
   * Who this browser is for a meeting: the signed-in person, else the device paired for that
   * meeting, else anyone. The client never sees a session's id; the policy does not read it.
   */
  function principalFor(meetingId?: string): Principal {
    if (user.value) return { kind: 'user', user: user.value, sessionId: '', expiresAt: '' }
    void devicesVersion.value // read, so whatever depends on this re-runs when a device changes
    const device = meetingId ? loadDevice(meetingId) : null
    if (meetingId && device) {
      return { kind: 'device', deviceId: device.deviceId, meetingId, role: device.role, label: device.label, expiresAt: device.expiresAt }
    }
    return anonymous
  }

  const may = (action: Action, meetingId?: string): boolean => mayDo(principalFor(meetingId), action, meetingId)
  const screensFor = (meetingId: string): Role[] => screenRolesFor(principalFor(meetingId), meetingId)

  return {
    user,
    csrfToken,
    setupRequired,
    loaded,
    loadError,
    signedIn,
    roles,
    hasRole,
    load,
    refresh,
    signIn,
    signOut,
    setPassword,
    changePassword,
    principalFor,
    may,
    screensFor,
  }
})
