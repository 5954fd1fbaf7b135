import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element that rotates: the pointer over it and focus inside it hold the rotation still. */
export type RotationHost = ReactiveControllerHost & HTMLElement;

/**
 * Turns through a host's items one at a time, on a timer. A reader who is reading (pointer over
 * the host, focus inside it) is never turned away from an item; neither is one who paused, nor,
 * until they press Play, one who asked for reduced motion. The host renders the controls and
 * keeps `count` current; the controller keeps `index` and asks the host to update on each turn.
 */
export class RotationController implements ReactiveController {
  /** The position of the item shown, from 0; the host sets it back to 0 when its items change. */
  index = 0;

  /** How many items rotate; fewer than two never turn on their own. */
  count = 0;

  #host: RotationHost;
  #seconds: () => number;
  #turned: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  /** What holds the rotation still for now: the pointer over it, or focus inside it. */
  #holds = new Set<string>();
  /** Undefined until the reader chooses: rotation then starts paused only under reduced motion. */
  #paused?: boolean;

  /**
   * @param seconds The time each item stays, read whenever the timer starts, so a changed
   *   interval applies from the next item on.
   * @param turned Called on every turn, by the reader or the timer, before the host updates: the
   *   host resets what belonged to the item it showed.
   */
  constructor(host: RotationHost, seconds: () => number, turned: () => void) {
    this.#host = host;
    this.#seconds = seconds;
    this.#turned = turned;
    host.addController(this);
    // On the host itself, so they go with it: nothing to remove on disconnection.
    for (const [hold, on, off] of [
      ['pointer', 'pointerenter', 'pointerleave'],
      ['focus', 'focusin', 'focusout'],
    ]) {
      host.addEventListener(on, () => {
        this.#holds.add(hold);
        this.#schedule();
      });
      host.addEventListener(off, () => {
        this.#holds.delete(hold);
        this.#schedule();
      });
    }
  }

  /** Whether the rotation is paused: by the reader's choice, else by their reduced-motion setting. */
  get paused(): boolean {
    return this.#paused ?? matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  set paused(paused: boolean) {
    this.#paused = paused;
    // Pressing Play means play, even though the button now holds focus.
    this.#holds.delete('focus');
    this.#host.requestUpdate();
  }

  /** Shows the item `delta` places on, wrapping around at either end. */
  step(delta: number): void {
    this.index = (this.index + delta + this.count) % this.count;
    this.#turned();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#schedule();
  }

  hostDisconnected(): void {
    // No pointerleave or focusout reaches a removed host: put back, it starts unheld.
    this.#holds.clear();
    this.#schedule();
  }

  hostUpdated(): void {
    this.#schedule();
  }

  /** One timer, restarted after every change, so an item always gets its full interval on screen. */
  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#host.isConnected && this.count > 1 && !this.paused && !this.#holds.size) {
      // Past 2^31 ms setTimeout fires at once: an interval of 1e21 seconds must not spin either.
      this.#timer = setTimeout(() => this.step(1), Math.min(this.#seconds() * 1000, 2 ** 31 - 1));
    }
  }
}
