import { createRouter, createWebHistory } from 'vue-router'
import { pageAccess, pageVerdict, routeMeetingId, type PageAccess } from './access/pages'
import { signInPath } from './access/links'
import { useSessionStore } from './stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page (access/pages.ts); a page without it is public. */
    access?: PageAccess
    /** Show the account bar (name, navigation, sign-out) above the page. */
    bar?: boolean
  }
}

const meeting = (screen: string) => `/m/:meetingId/${screen}`

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // Every page is its own chunk, the home page too: a projector or an attendee's phone loads the
    // app's core and its own screen, not the secretary's list of meetings.
    { path: '/', name: 'home', component: () => import('./views/home/HomeView.vue'), meta: { access: pageAccess.meetings, bar: true } },
    { path: '/sign-in', name: 'sign-in', component: () => import('./views/sign-in/SignInView.vue'), meta: { access: pageAccess.public } },
    {
      path: '/set-password',
      name: 'set-password',
      component: () => import('./views/set-password/SetPasswordView.vue'),
      meta: { access: pageAccess.public },
    },
    { path: '/pair', name: 'pair', component: () => import('./views/pair/PairView.vue'), meta: { access: pageAccess.public } },
    {
      path: '/account',
      name: 'account',
      component: () => import('./views/account/AccountView.vue'),
      meta: { access: pageAccess.signedIn, bar: true },
    },
    { path: '/users', name: 'users', component: () => import('./views/users/UsersView.vue'), meta: { access: pageAccess.users, bar: true } },
    { path: '/audit', name: 'audit', component: () => import('./views/audit/AuditView.vue'), meta: { access: pageAccess.audit, bar: true } },
    {
      path: meeting('secretary'),
      name: 'secretary',
      component: () => import('./views/secretary/SecretaryConsoleView.vue'),
      props: true,
      meta: { access: pageAccess.secretary },
    },
    {
      path: meeting('chair'),
      name: 'chair',
      component: () => import('./views/chair/ChairView.vue'),
      props: true,
      meta: { access: pageAccess.chair },
    },
    {
      path: meeting('projector'),
      name: 'projector',
      component: () => import('./views/projector/ProjectorView.vue'),
      props: true,
      meta: { access: pageAccess.projector },
    },
    {
      path: meeting('attendee'),
      name: 'attendee',
      component: () => import('./views/attendee/AttendeeView.vue'),
      props: true,
      meta: { access: pageAccess.public },
    },
    {
      path: meeting('audit'),
      name: 'meeting-audit',
      component: () => import('./views/audit/MeetingAuditView.vue'),
      props: true,
      meta: { access: pageAccess.audit, bar: true },
    },
    {
      path: meeting('documents'),
      name: 'documents',
      component: () => import('./views/documents/DocumentsView.vue'),
      props: true,
      meta: { access: pageAccess.documents, bar: true },
    },
    {
      path: meeting('follow-up'),
      name: 'meeting-follow-up',
      component: () => import('./views/follow-up/FollowUpView.vue'),
      props: true,
      meta: { access: pageAccess.followUp, bar: true },
    },
    {
      path: '/follow-up',
      name: 'follow-up',
      component: () => import('./views/follow-up/FollowUpView.vue'),
      meta: { access: pageAccess.followUp, bar: true },
    },
    { path: '/report', name: 'report', component: () => import('./views/report/ReportView.vue'), meta: { access: pageAccess.report, bar: true } },
    {
      path: '/directory',
      name: 'directory',
      component: () => import('./views/directory/DirectoryView.vue'),
      meta: { access: pageAccess.office, bar: true },
    },
    {
      path: '/settings',
      name: 'settings',
      component: () => import('./views/settings/SettingsView.vue'),
      meta: { access: pageAccess.office, bar: true },
    },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})

// Nobody signed in on a page that needs an account: sign in, then come back. A signed-in person
// without the role goes on to the page, where App.vue shows why it stays closed.
router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.load()
  const meetingId = routeMeetingId(to.params)
  if (pageVerdict(to.meta.access, session.principalFor(meetingId), meetingId) === 'sign-in') return signInPath(to.fullPath)
  return true
})
