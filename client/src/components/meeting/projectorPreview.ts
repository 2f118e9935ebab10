import type { MeetingPhase, MeetingState } from '@shared/meeting/model'
import { meetingPhases } from '@shared/meeting/model'
import { redactSpeaker } from '@shared/meeting/redact'
import { publicPetitionTitle } from '@shared/meeting/confidentiality'
import { currentSpeaker, petitionLabel, projectorModeLabels, speakerLabel, projectorPetitionGroups } from '@shared/meeting/selectors'

// What the hall screen shows right now, in one line for the console ("Màn chiếu đang hiện: …"). Names
// are the ones the projector itself shows, after redaction, so the secretary reads what the hall reads.
export function projectorPreview(state: MeetingState): string {
  const mode = state.projector.mode
  const label = projectorModeLabels[mode]
  switch (mode) {
    case 'live': {
      const speaker = currentSpeaker(state)
      const petition = state.petitions.find((p) => p.no === state.currentPetitionNo)
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
