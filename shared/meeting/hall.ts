import { publicPetitionTitle } from './confidentiality'
import type { MeetingState, Petition, PetitionOrigin, PetitionStatus, ProjectorMode } from './model'
import { petitionOutcome } from './outcome'
import { petitionCounts, petitionLabel, type PetitionCounts } from './selectors'

// What the hall sees (the projectors and the attendees' phones), decided from the meeting's state
// alone so that every screen, the console's previews included, agrees. Pure.

/**
 * The view a projector was given: its own (a side screen kept on the petition list), else the
 * meeting-wide one. `deviceId` null: a screen not opened from a pairing (a signed-in person's).
 */
export function projectorModeFor(state: MeetingState, deviceId: string | null): ProjectorMode {
  const own = deviceId ? (state.projector.screens ?? []).find((s) => s.deviceId === deviceId) : undefined
  return own?.mode ?? state.projector.mode
}

export type HallScreen = ProjectorMode | 'conclusion' | 'closing'

/**
 * What a hall screen shows for its mode and the meeting's phase. "Live" follows the order of
 * business: the registered petitions by field while the report is read, the chair's conclusions
 * during the conclusion, and the closing figures once the meeting is closed. An announcement with
 * no text shows the live view rather than an empty screen.
 */
export function hallScreen(state: MeetingState, deviceId: string | null = null): HallScreen {
  const mode = projectorModeFor(state, deviceId)
  if (mode === 'announcement' && !state.projector.announcement.trim()) return liveScreen(state)
  return mode === 'live' ? liveScreen(state) : mode
}

function liveScreen(state: MeetingState): HallScreen {
  switch (state.phase) {
    case 'report':
      return 'petitions'
    case 'conclusion':
      return 'conclusion'
    case 'closed':
      return 'closing'
    default:
      return 'live'
  }
}

/** Whether the discussion is over: no invitation to register, nothing "under discussion". */
export const discussionOver = (state: MeetingState): boolean => state.phase === 'conclusion' || state.phase === 'closed'

/**
 * A petition's status as the hall reads it: once the discussion is over, one left "under
 * discussion" without a decision reads as not yet dealt with, not as still being discussed.
 */
export function hallStatus(p: Petition, state: MeetingState): PetitionStatus {
  return p.status === 'discussing' && discussionOver(state) ? 'waiting' : p.status
}

/** The petition the hall is told is under discussion: none once the discussion is over. */
export function hallCurrentPetition(state: MeetingState): Petition | null {
  return discussionOver(state) ? null : (state.petitions.find((p) => p.no === state.currentPetitionNo) ?? null)
}

/** Whether the hall is invited to register to speak: while registration is open and the discussion is not over. */
export const invitesRegistration = (state: MeetingState): boolean => state.registrationOpen && !discussionOver(state)

/** One petition's line among the chair's conclusions, as the public may read it. */
export interface ConclusionLine {
  no: number
  label: string
  origin: PetitionOrigin
  field: string
  /** A confidential petition: by its number and field only ("Kiến nghị số 2 (bảo mật, lĩnh vực …)"). */
  title: string
  status: PetitionStatus
  /** What became of it (who answers, by when, where it went); null for a confidential petition. */
  outcome: string | null
  /** The chair's conclusion on it; '' when none was recorded or it is confidential. */
  conclusion: string
}

/**
 * The chair's conclusions, petition by petition, in number order: every petition that has an
 * outcome or a conclusion. A confidential one shows its number, field and status word only, whatever
 * state is passed (the redacted one, or the console's full one for its preview).
 */
export function conclusionLines(state: MeetingState): ConclusionLine[] {
  return state.petitions
    .filter((p) => (p.status !== 'waiting' && p.status !== 'discussing') || p.conclusion.trim() !== '')
    .map((p) => ({
      no: p.no,
      label: petitionLabel(p),
      origin: p.origin,
      field: p.field,
      title: publicPetitionTitle(p),
      status: p.status,
      outcome: p.confidential ? null : petitionOutcome(p),
      conclusion: p.confidential ? '' : p.conclusion.trim(),
    }))
}

/** The figures on the closing screen: the petitions' counts and how many people were heard. */
export interface ClosingFigures extends PetitionCounts {
  /** People who spoke (someone invited to speak again counts once). */
  speakersHeard: number
}

export function closingFigures(state: MeetingState): ClosingFigures {
  const heard = state.speakers.filter((s) => s.againOf === null && (s.status === 'finished' || s.speech !== null)).length
  return { ...petitionCounts(state), speakersHeard: heard }
}
