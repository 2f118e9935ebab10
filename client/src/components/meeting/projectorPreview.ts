import type { MeetingPhase, MeetingState } from '@shared/meeting/model'
import { meetingPhases } from '@shared/meeting/model'
import { redactSpeaker } from '@shared/meeting/redact'
import { publicPetitionTitle } from '@shared/meeting/confidentiality'
import { closingFigures, hallCurrentPetition, hallScreen, type HallScreen } from '@shared/meeting/hall'
import { currentSpeaker, petitionLabel, projectorModeLabels, speakerLabel, projectorPetitionGroups } from '@shared/meeting/selectors'
import { hallScreenText } from '../../i18n/hallScreen'

const screenLabels: Record<HallScreen, string> = {
  ...projectorModeLabels,
  conclusion: hallScreenText.conclusionHeading,
  closing: hallScreenText.closedHeading,
}

// What a hall screen shows right now, in one line for the console ("Màn chiếu đang hiện: …"): the
// meeting-wide view, or a paired projector's own (`deviceId`). It is the screen the projector itself
// computes (hallScreen: the phase counts), and names are the ones it shows, after redaction, so the
// secretary reads what the hall reads.
export function projectorPreview(state: MeetingState, deviceId: string | null = null): string {
  const screen = hallScreen(state, deviceId)
  const label = screenLabels[screen]
  switch (screen) {
    case 'conclusion':
      return state.closingConclusion.trim() ? `${label}: «${state.closingConclusion.trim().slice(0, 80)}${state.closingConclusion.trim().length > 80 ? '…' : ''}»` : label
    case 'closing': {
      const f = closingFigures(state)
      return `${label} — ${f.total} kiến nghị, ${f.speakersHeard} đại biểu đã phát biểu`
    }
    case 'live': {
      const speaker = currentSpeaker(state)
      const petition = hallCurrentPetition(state)
      const parts = [label]
      if (speaker) parts.push(`${speakerLabel(redactSpeaker(speaker, state.petitions))} phát biểu`)
      if (petition) parts.push(`${petitionLabel(petition)}: ${publicPetitionTitle(petition)}`)
      return parts.join(' — ')
    }
    case 'announcement':
      return state.projector.announcement ? `${label}: «${state.projector.announcement}»` : `${label} (trống)`
    case 'petitions':
      return `${label} (${projectorPetitionGroups(state).reduce((n, g) => n + g.petitions.length, 0)} kiến nghị)`
    case 'programme':
      return `${label} (${state.programme.length} mục)`
    case 'blank':
      return label
  }
}

export type PhaseStep = { phase: MeetingPhase; state: 'done' | 'current' | 'todo' }

/** The order of business as steps: before, at and after the current phase. */
export function phaseSteps(phase: MeetingPhase): PhaseStep[] {
  const at = meetingPhases.indexOf(phase)
  return meetingPhases.map((p, i) => ({ phase: p, state: i < at ? 'done' : i === at ? 'current' : 'todo' }))
}

export function nextPhase(phase: MeetingPhase): MeetingPhase | null {
  return meetingPhases[meetingPhases.indexOf(phase) + 1] ?? null
}
