package com.notalabel.audio.engine;

import java.util.Arrays;

import org.bytedeco.ffmpeg.global.avutil;
import org.jspecify.annotations.Nullable;

/**
 * The musical side of the analysis, on a mono mix brought down to about 11 kHz for the
 * tempo and 5.5 kHz for the key, and the waveform on the same mix at the full rate.
 */
final class MusicFeatures implements SampleSink {

	private final int channels;

	private final float[] channelGains;

	private final @Nullable Decimator toTempoRate;

	private final @Nullable Decimator toKeyRate;

	private final TempoEstimator tempo;

	private final KeyEstimator key;

	private final WaveformBuilder waveform;

	private float[] mono = new float[0];

	MusicFeatures(int sampleRate, int[] channelKinds) {
		this.channels = channelKinds.length;
		this.channelGains = new float[this.channels];
		int counted = 0;
		for (int kind : channelKinds) {
			if (!isLowFrequencyEffects(kind)) {
				counted++;
			}
		}
		for (int i = 0; i < this.channels; i++) {
			boolean skip = isLowFrequencyEffects(channelKinds[i]) && counted > 0;
			this.channelGains[i] = skip ? 0.0f : 1.0f / Math.max(1, counted);
		}
		int tempoFactor = Math.max(1, sampleRate / 11_025);
		this.toTempoRate = (tempoFactor > 1) ? Decimator.by(tempoFactor, 8) : null;
		double tempoRate = (double) sampleRate / tempoFactor;
		int keyFactor = Math.max(1, (int) (tempoRate / 5_000));
		this.toKeyRate = (keyFactor > 1) ? Decimator.by(keyFactor, 24) : null;
		this.tempo = new TempoEstimator(tempoRate);
		this.key = new KeyEstimator(tempoRate / keyFactor);
		this.waveform = new WaveformBuilder(sampleRate);
	}

	private static boolean isLowFrequencyEffects(int kind) {
		return kind == avutil.AV_CHAN_LOW_FREQUENCY || kind == avutil.AV_CHAN_LOW_FREQUENCY_2;
	}

	@Override
	public void accept(float[][] samples, int frames) {
		if (this.mono.length < frames) {
			this.mono = new float[frames];
		}
		float[] mix = this.mono;
		if (this.channels == 1) {
			System.arraycopy(samples[0], 0, mix, 0, frames);
		}
		else if (this.channels == 2 && this.channelGains[0] == 0.5f && this.channelGains[1] == 0.5f) {
			float[] l = samples[0];
			float[] r = samples[1];
			for (int i = 0; i < frames; i++) {
				mix[i] = 0.5f * (l[i] + r[i]);
			}
		}
		else {
			Arrays.fill(mix, 0, frames, 0.0f);
			for (int channel = 0; channel < this.channels; channel++) {
				float gain = this.channelGains[channel];
				if (gain == 0.0f) {
					continue;
				}
				float[] x = samples[channel];
				for (int i = 0; i < frames; i++) {
					mix[i] += gain * x[i];
				}
			}
		}
		this.waveform.accept(mix, frames);
		float[] tempoInput = mix;
		int tempoCount = frames;
		if (this.toTempoRate != null) {
			tempoInput = this.toTempoRate.process(mix, frames);
			tempoCount = this.toTempoRate.outputCount();
		}
		this.tempo.accept(tempoInput, tempoCount);
		if (this.toKeyRate != null) {
			float[] keyInput = this.toKeyRate.process(tempoInput, tempoCount);
			this.key.accept(keyInput, this.toKeyRate.outputCount());
		}
		else {
			this.key.accept(tempoInput, tempoCount);
		}
	}

	TempoEstimator.@Nullable Estimate tempo() {
		return this.tempo.result();
	}

	KeyEstimator.@Nullable Estimate key() {
		return this.key.result();
	}

	Waveform waveform() {
		return this.waveform.build();
	}

}
