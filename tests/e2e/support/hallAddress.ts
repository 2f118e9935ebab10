import os from 'node:os'
import { chooseLanAddress, type NetworkInterfaceMap } from '../../../shared/access/public-address'
import { e2ePort } from './office'

/**
 * The address the e2e server hands to the hall's devices: it runs on this machine, without
 * PUBLIC_URL, so it is this machine's office-network address and the e2e port; null on a machine
 * with no network but its loopback (the console then falls back to its own address, and warns).
 */
export function handedOutOrigin(): string | null {
  const lan = chooseLanAddress(os.networkInterfaces() as NetworkInterfaceMap)
  return lan ? `http://${lan}:${e2ePort}` : null
}
