package com.notalabel.music.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.notalabel.music.audio.TrackAnalysis.Loudness;
import com.notalabel.music.audio.TrackAnalysis.Problems;
import com.notalabel.music.audio.TrackAnalysis.Technical;

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
			Technical technical = AnalysisReport.technical(source, decoder.decodedSamples(), decoder.damagedPackets(),
					fileBytes);
			Loudness measured = AnalysisReport.loudness(loudness, peaks);
			Problems found = AnalysisReport.problems(problems.finish(), technical);
			TrackAnalysis analysis = new TrackAnalysis(TrackAnalysis.CURRENT_VERSION, technical, measured, found,
					AnalysisReport.tempo(music.tempo()), AnalysisReport.key(music.key()),
					AnalysisReport.platforms(measured),
					AnalysisReport.distribution(technical, found.clipping(), measured));
			return new AnalysisResult(analysis, music.waveform());
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
			return AnalysisReport.loudness(loudness, peaks);
		}
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
