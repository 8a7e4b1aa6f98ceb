// The QR codes the element draws, read back as a banking app would: the SVG painted on a canvas, then decoded by
// jsQR (a QR reader library).

/** jsQR, a QR reader, loaded as the classic script it ships as. */
async function qrReader(): Promise<(data: Uint8ClampedArray, width: number, height: number) => {binaryData: number[]} | null> {
  const w = window as unknown as {jsQR?: (data: Uint8ClampedArray, width: number, height: number) => {binaryData: number[]} | null};
  if (!w.jsQR) {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    await new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject), document.head.append(script)));
  }
  return w.jsQR!;
}

/** The drawn SVG as pixels: serialized, loaded as an image, painted on a canvas. */
async function pixels(svg: SVGSVGElement, size = 400): Promise<ImageData> {
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image(size, size);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source.replace('<svg', `<svg width="${size}" height="${size}"`))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  return context.getImageData(0, 0, size, size);
}

/** What a QR code drawn as SVG holds, as text (UTF-8), or null when no reader finds one. */
export async function readQr(svg: SVGSVGElement): Promise<string | null> {
  const read = await qrReader();
  const image = await pixels(svg);
  const found = read(image.data, image.width, image.height);
  return found ? new TextDecoder().decode(new Uint8Array(found.binaryData)) : null;
}
