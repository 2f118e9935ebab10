import { createRouter, createWebHistory } from 'vue-router'
import HomeView from './views/home/HomeView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    {
      path: '/m/:meetingId/secretary',
      name: 'secretary',
      component: () => import('./views/secretary/SecretaryConsoleView.vue'),
      props: true,
    },
    {
      path: '/m/:meetingId/chair',
      name: 'chair',
      component: () => import('./views/chair/ChairView.vue'),
      props: true,
    },
    { path: '/directory', name: 'directory', component: () => import('./views/directory/DirectoryView.vue') },
    {
      path: '/m/:meetingId/projector',
      name: 'projector',
      component: () => import('./views/projector/ProjectorView.vue'),
      props: true,
    },
    {
      path: '/m/:meetingId/documents',
      name: 'documents',
      component: () => import('./views/documents/DocumentsView.vue'),
      props: true,
    },
    {
      path: '/m/:meetingId/follow-up',
      name: 'meeting-follow-up',
      component: () => import('./views/follow-up/FollowUpView.vue'),
      props: true,
    },
    { path: '/follow-up', name: 'follow-up', component: () => import('./views/follow-up/FollowUpView.vue') },
    { path: '/report', name: 'report', component: () => import('./views/report/ReportView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/settings/SettingsView.vue') },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})
