/** Saves text or a data URL as a file through a temporary link. */
export function download(name: string, content: string, type: string) {
  const href = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  if (!content.startsWith('data:')) {
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  }
}
