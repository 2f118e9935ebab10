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
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})
