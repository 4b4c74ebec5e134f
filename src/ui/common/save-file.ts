// Saves bytes the page made as a download (the browser's "save as" or Downloads folder, as the user set it).

/** Starts the download of `blob` as `fileName`; the object URL is released once the browser has taken it. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
