import type { Credential } from '../api/client';
import { api } from '../api/instance';

/** Fetches an export with the reader's token and hands it to the browser as a file. */
export async function downloadExport(credential: Credential, url: string, fileName: string): Promise<void> {
  const blob = await api.download(credential, url);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is withdrawn.
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}
