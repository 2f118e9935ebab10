import { ref } from 'vue'
import { emptyDirectory, type Directory } from '@shared/directory'
import { getDirectory } from '../api/directory'

// The office directory, loaded once per page and shared by every petition action that picks an
// answerer or a unit. reload() after the directory page may have changed it (e.g. on focus).
const directory = ref<Directory>(emptyDirectory)
const loaded = ref(false)
const error = ref<string | null>(null)
let inflight: Promise<void> | null = null

async function load(): Promise<void> {
  const result = await getDirectory()
  if (result.ok) {
    directory.value = result.data
    loaded.value = true
    error.value = null
  } else {
    error.value = result.error.message
  }
}

export function useDirectory() {
  function reload(): Promise<void> {
    inflight ??= load().finally(() => (inflight = null))
    return inflight
  }
  if (!loaded.value) void reload()
  return { directory, loaded, error, reload }
}
