/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The maps as one PNG, side by side in split mode (each map keeps its drawing
 * buffer so it can be read back).
 */
export async function mapsPng(canvases: readonly HTMLCanvasElement[]): Promise<Blob> {
  const width = canvases.reduce((sum, canvas) => sum + canvas.width, 0);
  const height = Math.max(...canvases.map((canvas) => canvas.height));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const context = out.getContext('2d')!;
  let x = 0;
  for (const canvas of canvases) {
    context.drawImage(canvas, x, 0);
    x += canvas.width;
  }
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
