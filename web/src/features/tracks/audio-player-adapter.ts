import type { PlayerAdapter } from 'peaks.js';

type Emitter = Parameters<PlayerAdapter['init']>[0];

/**
 * peaks.js's player over the page's <audio>. Its own media-element player waits for the stream's metadata
 * before anything is drawn, so a slow or expired stream URL would hold the waveform back or stop it; this
 * one is ready at once, takes the duration from the waveform data until the audio knows it, and moves the
 * playhead every frame while playing.
 */
export function audioPlayerAdapter(audio: HTMLAudioElement, waveformSeconds: number): PlayerAdapter {
  const listeners: Array<[keyof HTMLMediaElementEventMap, () => void]> = [];
  let emitter: Emitter | null = null;
  let frame = 0;

  const tick = () => {
    emitter?.emit('player.timeupdate', audio.currentTime);
    frame = requestAnimationFrame(tick);
  };
  const stopTicking = () => {
    cancelAnimationFrame(frame);
    frame = 0;
  };
  const on = (type: keyof HTMLMediaElementEventMap, listener: () => void) => {
    audio.addEventListener(type, listener);
    listeners.push([type, listener]);
  };

  return {
    init(eventEmitter) {
      emitter = eventEmitter;
      on('playing', () => {
        eventEmitter.emit('player.playing', audio.currentTime);
        if (!frame) frame = requestAnimationFrame(tick);
      });
      on('pause', () => {
        stopTicking();
        eventEmitter.emit('player.pause', audio.currentTime);
      });
      on('ended', () => {
        stopTicking();
        eventEmitter.emit('player.ended');
      });
      on('seeked', () => eventEmitter.emit('player.seeked', audio.currentTime));
      on('timeupdate', () => {
        if (!frame) eventEmitter.emit('player.timeupdate', audio.currentTime);
      });
      on('canplay', () => eventEmitter.emit('player.canplay'));
      on('error', () => eventEmitter.emit('player.error', audio.error));
      return Promise.resolve();
    },
    destroy() {
      stopTicking();
      for (const [type, listener] of listeners) audio.removeEventListener(type, listener);
      listeners.length = 0;
      emitter = null;
    },
    play: () => audio.play(),
    pause: () => audio.pause(),
    isPlaying: () => !audio.paused && !audio.ended,
    isSeeking: () => audio.seeking,
    getCurrentTime: () => audio.currentTime,
    getDuration: () => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : waveformSeconds),
    seek: (time) => {
      audio.currentTime = time;
    },
  };
}
