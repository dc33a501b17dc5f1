/** Hands a file to the browser's downloads, as a click on a link would. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
