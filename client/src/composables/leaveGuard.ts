import type { Router } from 'vue-router'
import { offlineText } from '../i18n/offline'
import { useMeetingStore } from '../stores/meeting'
import { unsavedDrafts } from './draft'

// Leaving a page with text typed but not saved, or commands the server has not yet acknowledged,
// asks first: closing the tab or reloading (`beforeunload`, the browser's own words) and moving to
// another page of the app (the router, in Vietnamese). Nothing is lost either way, since drafts and
// the outbox stay in this browser, but nobody else sees them until this screen is opened again.

export interface UnsavedWork {
  pending: number
  drafts: number
}

export function unsavedWork(): UnsavedWork {
  return { pending: useMeetingStore().pendingCount, drafts: unsavedDrafts.size }
}

export const hasUnsavedWork = (work: UnsavedWork): boolean => work.pending > 0 || work.drafts > 0

export function installLeaveGuard(router: Router): void {
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsavedWork(unsavedWork())) return
    event.preventDefault()
    // Older Chromium-based browsers ask only when returnValue is set.
    event.returnValue = ''
  })
  router.beforeEach((to, from) => {
    // The first page, or the same page with another query or hash: nothing is left behind.
    if (from.matched.length === 0 || to.path === from.path) return true
    const work = unsavedWork()
    if (!hasUnsavedWork(work)) return true
    return window.confirm(offlineText.leaveConfirm(work.pending, work.drafts))
  })
}
