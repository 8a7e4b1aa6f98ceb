import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** The speeds a learner picks from, fastest first: a sign is learnt slowed down, then at its own pace. */
export const SPEEDS = [1, 0.75, 0.5, 0.25] as const;
export type Speed = (typeof SPEEDS)[number];

/** One frame of a 25-frames-a-second recording: what the step buttons and the arrow keys move by. */
export const FRAME_SECONDS = 1 / 25;

/** The nearest of the offered speeds to `value` (an attribute may say 0.3): 1 when it is not a number. */
export function nearestSpeed(value: number | undefined): Speed {
  if (value === undefined || !Number.isFinite(value)) return 1;
  return SPEEDS.reduce((best, s) => (Math.abs(s - value) < Math.abs(best - value) ? s : best), 1 as Speed);
}

/**
 * The video player's state and actions, for the element to render: speed, loop, mirror, play and pause, replay
 * slower, frame steps, and the keyboard (Space or Enter plays and pauses, the arrows step a frame, L loops, M
 * mirrors). The `<video>` is the element's; the controller only drives it.
 */
export class PlayerController implements ReactiveController {
  speed: Speed = 1;
  loop = false;
  mirrored = false;
  paused = true;
  /** The address of a video that could not be played (missing, or not a video the browser plays). */
  failedSrc?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly video: () => HTMLVideoElement | null | undefined
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // The <video> may be a new one (another signer): it gets the speed and the loop chosen.
    const video = this.video();
    if (!video) return;
    video.playbackRate = this.speed;
    video.defaultPlaybackRate = this.speed;
    video.loop = this.loop;
  }

  /** The video's own events keep `paused` true to what it does (it ends, or the browser pauses it). */
  readonly onPlayState = (event: Event): void => {
    this.paused = (event.target as HTMLVideoElement).paused;
    this.host.requestUpdate();
  };

  /** The video could not be loaded or decoded: the element says so instead of showing an empty frame. */
  readonly onError = (event: Event): void => {
    this.failedSrc = (event.target as HTMLVideoElement).getAttribute('src') ?? undefined;
    this.host.requestUpdate();
  };

  async toggle(): Promise<void> {
    const video = this.video();
    if (!video) return;
    if (video.paused) await video.play().catch(() => undefined);
    else video.pause();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.host.requestUpdate();
  }

  /** From the start again, one speed slower (or at the slowest), playing. */
  async replaySlower(): Promise<void> {
    const slower = SPEEDS.find((s) => s < this.speed) ?? SPEEDS[SPEEDS.length - 1]!;
    this.setSpeed(slower);
    const video = this.video();
    if (!video) return;
    video.playbackRate = slower;
    video.currentTime = 0;
    await video.play().catch(() => undefined);
  }

  toggleLoop(): void {
    this.loop = !this.loop;
    this.host.requestUpdate();
  }

  toggleMirror(): void {
    this.mirrored = !this.mirrored;
    this.host.requestUpdate();
  }

  /** One frame forward (`1`) or back (`-1`), only when paused: a moving sign is stopped to be studied. */
  step(direction: 1 | -1): void {
    const video = this.video();
    if (!video || !video.paused) return;
    const end = Number.isFinite(video.duration) ? video.duration : Infinity;
    video.currentTime = Math.min(end, Math.max(0, video.currentTime + direction * FRAME_SECONDS));
  }

  /** The player's keys; answers whether the key was one of them (the element then keeps it from the page). */
  key(event: KeyboardEvent): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    switch (event.key) {
      case ' ':
      case 'Enter':
        void this.toggle();
        return true;
      case 'ArrowRight':
        this.step(1);
        return true;
      case 'ArrowLeft':
        this.step(-1);
        return true;
      case 'l':
      case 'L':
        this.toggleLoop();
        return true;
      case 'm':
      case 'M':
        this.toggleMirror();
        return true;
      default:
        return false;
    }
  }
}
