import {ArrayBufferTarget, Muxer} from 'webm-muxer';

/**
 * A small, real WebM video made in the test's set-up: `frames` frames at 25 a second, each showing its number,
 * encoded to VP8 by the browser (WebCodecs) with a key frame every five, and muxed with cues so that it can be
 * seeked frame by frame. A few KB.
 */
export async function makeSignVideo(frames = 50, width = 160, height = 120): Promise<Blob> {
  const muxer = new Muxer({target: new ArrayBufferTarget(), video: {codec: 'V_VP8', width, height, frameRate: 25}});
  let failure: unknown;
  const encoder = new VideoEncoder({output: (chunk, meta) => muxer.addVideoChunk(chunk, meta), error: (error) => (failure = error)});
  encoder.configure({codec: 'vp8', width, height, bitrate: 200_000, framerate: 25});
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  for (let i = 0; i < frames; i++) {
    context.fillStyle = `hsl(${(i * 7) % 360} 60% 45%)`;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#fff';
    context.font = '48px sans-serif';
    context.fillText(String(i), 20, 80);
    const frame = new VideoFrame(canvas, {timestamp: (i * 1_000_000) / 25, duration: 1_000_000 / 25});
    encoder.encode(frame, {keyFrame: i % 5 === 0});
    frame.close();
  }
  await encoder.flush();
  encoder.close();
  if (failure) throw failure;
  muxer.finalize();
  return new Blob([muxer.target.buffer], {type: 'video/webm'});
}
