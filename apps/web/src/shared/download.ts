/**
 * Hands content the dashboard already holds to the browser as a file, without a second request.
 * The link is put in the page and the URL revoked on the next turn: some browsers start the
 * download only after the click returns.
 */
export function downloadFile(content: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const downloadJson = (value: unknown, filename: string) =>
  downloadFile(JSON.stringify(value, null, 2), filename, 'application/json');
