import { ref } from 'vue'
import { emptyDirectory, type Directory } from '@shared/directory'
import { request } from '../../api/http'

// The office directory the chair picks answerers from (GET /api/directory). Loaded when the tablet
// opens and again when it comes back into view, since the secretary may have added someone.
export function useChairDirectory() {
  const directory = ref<Directory>(emptyDirectory)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  let inflight: Promise<void> | null = null

  async function load(): Promise<void> {
    const result = await request<Directory>('/api/directory')
    if (result.ok) {
      directory.value = { units: result.data.units ?? [], officials: result.data.officials ?? [] }
      loaded.value = true
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  function reload(): Promise<void> {
    inflight ??= load().finally(() => (inflight = null))
    return inflight
  }

  return { directory, loaded, error, reload }
}
