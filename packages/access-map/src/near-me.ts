import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {msg} from '@lit/localize';

/** "Near me": the visitor's position through the browser, and what to say at each step (shown in a live region). */
export class NearMe implements ReactiveController {
  notice?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onPosition: (lat: number, lon: number) => void
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  locate(): void {
    if (!navigator.geolocation) return this.say(msg('This browser cannot tell where you are. Search for a place instead.'));
    this.say(msg('Finding your position…'));
    navigator.geolocation.getCurrentPosition(
      ({coords}) => {
        this.say(msg('The map now shows the places around you.'));
        this.onPosition(coords.latitude, coords.longitude);
      },
      (error) =>
        this.say(
          error.code === error.PERMISSION_DENIED
            ? msg('You did not allow this site to know your position. Allow it in your browser settings, or search for a place instead.')
            : msg('Your position could not be found. Try again, or search for a place instead.')
        ),
      {timeout: 15_000, maximumAge: 60_000}
    );
  }

  private say(notice: string): void {
    this.notice = notice;
    this.host.requestUpdate();
  }
}
