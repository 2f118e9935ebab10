import { chooseLanAddress, isLoopbackHost, originOf, type NetworkInterfaceMap, type PublicAddress } from '../shared/access/public-address'

/**
 * The address handed to the hall's devices: PUBLIC_URL when set, else this machine's office-network
 * address with the port the server listens on. Pure: main.ts and the route pass the interfaces in.
 */
export function publicAddressFor(input: { configured: string | undefined; interfaces: NetworkInterfaceMap; port: number | undefined }): PublicAddress {
  if (input.configured) {
    const { hostname } = new URL(input.configured)
    return isLoopbackHost(hostname)
      ? {
          url: input.configured,
          source: 'configured',
          warning: `PUBLIC_URL (${input.configured}) chỉ tới chính máy đang mở nó: máy tính bảng, màn hình chiếu và điện thoại đại biểu sẽ không vào được. Đặt PUBLIC_URL là địa chỉ của máy chủ trong mạng nội bộ.`,
        }
      : { url: input.configured, source: 'configured' }
  }
  const lan = chooseLanAddress(input.interfaces)
  if (lan && input.port) return { url: originOf('http', lan, input.port), source: 'detected' }
  return {
    url: null,
    source: 'none',
    warning: 'Máy chủ không tìm thấy địa chỉ mạng nội bộ của mình (máy chưa nối mạng?). Thiết bị trong hội trường có thể không mở được liên kết; nối mạng rồi tải lại trang, hoặc đặt PUBLIC_URL.',
  }
}
