import { computed, ref } from 'vue'
import { addressNotices, linkOrigin, type PublicAddress } from '@shared/access/public-address'
import { getPublicAddress } from '../api/publicAddress'
import { hallLinksText } from '../i18n/hallLinks'

// The address the QR codes and handed-out links name (GET /api/public-address): PUBLIC_URL or the
// server's office-network address, never the console's own http://localhost. Asked once per page
// and shared by every component that hands out a link; until it answers, links are not shown.
const address = ref<PublicAddress | null>(null)
const loaded = ref(false)
let inflight: Promise<void> | null = null

async function load(): Promise<void> {
  const result = await getPublicAddress()
  if (result.ok) address.value = result.data
  // Asked again and not answered: keep what the server said before.
  else if (!address.value) address.value = { url: null, source: 'none', warning: hallLinksText.address.failed }
  loaded.value = true
}

export function usePublicAddress() {
  function reload(): Promise<void> {
    inflight ??= load().finally(() => (inflight = null))
    return inflight
  }
  if (!loaded.value) void reload()
  /** The origin links are built from: the address handed out, or this page's when there is none. */
  const origin = computed(() => linkOrigin(address.value, window.location.origin))
  const notices = computed(() => (address.value ? addressNotices(address.value, window.location.origin) : []))
  return { address, loaded, origin, notices, reload }
}
