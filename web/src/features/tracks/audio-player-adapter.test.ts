import { vi } from 'vitest';
import { audioPlayerAdapter } from './audio-player-adapter';

describe("peaks.js's player over the page's audio", () => {
  it('is ready at once, before the stream says anything', async () => {
    const audio = document.createElement('audio');
    const adapter = audioPlayerAdapter(audio, 600);
    await expect(adapter.init({ emit: vi.fn() })).resolves.toBeUndefined();
  });

  it("takes the duration from the waveform until the audio knows its own", () => {
    const audio = document.createElement('audio');
    const adapter = audioPlayerAdapter(audio, 600);
    expect(adapter.getDuration()).toBe(600);
    Object.defineProperty(audio, 'duration', { value: 601.5 });
    expect(adapter.getDuration()).toBe(601.5);
  });

  it("passes the audio's events on, and stops listening when destroyed", async () => {
    const audio = document.createElement('audio');
    const emit = vi.fn();
    const adapter = audioPlayerAdapter(audio, 10);
    await adapter.init({ emit });
    adapter.seek(4);
    audio.dispatchEvent(new Event('seeked'));
    expect(emit).toHaveBeenCalledWith('player.seeked', 4);
    audio.dispatchEvent(new Event('error'));
    expect(emit).toHaveBeenCalledWith('player.error', audio.error);

    adapter.destroy();
    emit.mockClear();
    audio.dispatchEvent(new Event('seeked'));
    expect(emit).not.toHaveBeenCalled();
  });
});
