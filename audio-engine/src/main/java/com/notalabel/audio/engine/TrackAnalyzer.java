package com.notalabel.audio.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.audio.engine.Measurements.Key;
import com.notalabel.audio.engine.Measurements.Loudness;
import com.notalabel.audio.engine.Measurements.Mode;
import com.notalabel.audio.engine.Measurements.Tempo;
import com.notalabel.audio.engine.Measurements.Technical;

/**
 * One pass over the decoded audio feeds every measurement at once; nothing is kept but
 * their bounded state and the waveform.
 */
final class TrackAnalyzer {

	private TrackAnalyzer() {
	}

	static AnalysisResult analyze(Path file, AudioLimits limits) {
		Deadline deadline = Deadline.after(limits.maxProcessingTime());
		long fileBytes = size(file);
		try (AudioDecoder decoder = AudioDecoder.open(file, limits, deadline);
				SampleReader reader = new SampleReader(decoder)) {
			SourceFormat source = decoder.source();
			int rate = source.sampleRate();
			int[] kinds = source.channelKinds();
			LoudnessMeter loudness = new LoudnessMeter(rate, LoudnessMeter.weightsFor(kinds));
			TruePeakMeter peaks = new TruePeakMeter(rate, kinds.length);
			Integer bitDepth = source.bitDepth();
			int integerBits = (bitDepth != null && !source.floatingPoint()) ? bitDepth : 0;
			ProblemDetector problems = new ProblemDetector(rate, kinds, integerBits);
			MusicFeatures music = new MusicFeatures(rate, kinds);
			reader.readAll((channels, frames) -> {
				loudness.accept(channels, frames);
				peaks.accept(channels, frames);
				problems.accept(channels, frames);
				music.accept(channels, frames);
			});
			peaks.finish();
			Measurements measurements = new Measurements(
					technical(source, decoder.decodedSamples(), decoder.damagedPackets(), fileBytes),
					loudness(loudness, peaks), problems.finish(), tempo(music.tempo()), key(music.key()));
			return new AnalysisResult(measurements, music.waveform());
		}
	}

	static Loudness measureLoudness(Path file, AudioLimits limits) {
		Deadline deadline = Deadline.after(limits.maxProcessingTime());
		try (AudioDecoder decoder = AudioDecoder.open(file, limits, deadline);
				SampleReader reader = new SampleReader(decoder)) {
			SourceFormat source = decoder.source();
			LoudnessMeter loudness = new LoudnessMeter(source.sampleRate(),
					LoudnessMeter.weightsFor(source.channelKinds()));
			TruePeakMeter peaks = new TruePeakMeter(source.sampleRate(), source.channels());
			reader.readAll((channels, frames) -> {
				loudness.accept(channels, frames);
				peaks.accept(channels, frames);
			});
			peaks.finish();
			return loudness(loudness, peaks);
		}
	}

	private static Technical technical(SourceFormat source, long samples, long damagedPackets, long fileBytes) {
		double duration = (double) samples / source.sampleRate();
		Integer kbps = null;
		if (source.bitrate() > 0) {
			kbps = (int) Math.round(source.bitrate() / 1000.0);
		}
		else if (duration > 0 && fileBytes > 0) {
			kbps = (int) Math.round(fileBytes * 8.0 / duration / 1000.0);
		}
		return new Technical(source.container(), source.codec(), source.lossless(), source.sampleRate(),
				source.bitDepth(), source.floatingPoint(), source.channels(), source.channelLayout(), duration, kbps,
				damagedPackets);
	}

	private static Loudness loudness(LoudnessMeter meter, TruePeakMeter peaks) {
		float[] truePeaks = peaks.truePeaks();
		float[] samplePeaks = peaks.samplePeaks();
		List<@Nullable Double> perChannel = new ArrayList<>(truePeaks.length);
		float truePeak = 0.0f;
		float samplePeak = 0.0f;
		for (int i = 0; i < truePeaks.length; i++) {
			perChannel.add(decibels(truePeaks[i]));
			truePeak = Math.max(truePeak, truePeaks[i]);
			samplePeak = Math.max(samplePeak, samplePeaks[i]);
		}
		return new Loudness(meter.integrated(), meter.momentaryMax(), meter.shortTermMax(), meter.loudnessRange(),
				decibels(truePeak), decibels(samplePeak), perChannel);
	}

	private static @Nullable Tempo tempo(TempoEstimator.@Nullable Estimate estimate) {
		return (estimate != null) ? new Tempo(estimate.bpm(), estimate.confidence()) : null;
	}

	private static @Nullable Key key(KeyEstimator.@Nullable Estimate estimate) {
		if (estimate == null) {
			return null;
		}
		return new Key(estimate.tonic(), estimate.minor() ? Mode.MINOR : Mode.MAJOR, estimate.confidence());
	}

	/** Full scale is 0 dB; silence has no level. */
	private static @Nullable Double decibels(float linear) {
		return (linear > 0.0f) ? 20.0 * Math.log10(linear) : null;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
