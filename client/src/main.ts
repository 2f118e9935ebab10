import './csp'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { installLeaveGuard } from './composables/leaveGuard'
import { registerOfflineShell } from './offlineShell'
import './styles/base.css'

createApp(App).use(createPinia()).use(router).mount('#app')
installLeaveGuard(router)
registerOfflineShell(router)
