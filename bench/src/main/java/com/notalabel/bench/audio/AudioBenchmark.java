package com.notalabel.bench.audio;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.AudioEngine;
import com.notalabel.audio.engine.Measurements;
import com.notalabel.audio.engine.MusicSignals;
import com.notalabel.audio.engine.Signals;
import com.notalabel.audio.engine.WavWriter;
import com.notalabel.bench.support.Figures;

/**
 * The audio engine's benchmark, against the engine and the signal generators of its tests
 * (audio-engine's test-jar); bench/audio/run.sh runs each mode in a JVM of its own,
 * pinned to one core.
 *
 * <ul>
 * <li>{@code generate DIR MINUTES...}: a generated mix (drums and chords) as 44.1 kHz
 * 16-bit stereo WAV, one file per length</li>
 * <li>{@code speed FILE RUNS}: full analysis, loudness and true peak, and the AAC
 * rendition, each warm (median of RUNS after a warm-up), against the {@code ffmpeg}
 * program doing the same on the same file, alternately, in the same process tree and on
 * the same core</li>
 * <li>{@code cold FILE}: one full analysis in a fresh JVM, timed from the JVM's
 * start</li>
 * <li>{@code memory FILE}: one full analysis; peak heap, live heap after it and the
 * process's peak resident memory</li>
 * </ul>
 */
public final class AudioBenchmark {

	private AudioBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		switch (args[0]) {
			case "generate" -> generate(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
			case "speed" -> speed(Path.of(args[1]), Integer.parseInt(args[2]));
			case "cold" -> cold(Path.of(args[1]));
			case "memory" -> memory(Path.of(args[1]));
			default -> throw new IllegalArgumentException("Unknown mode " + args[0]);
		}
	}

	private static void generate(Path directory, String[] minutes) throws IOException {
		Files.createDirectories(directory);
		int rate = 44_100;
		// Two minutes of music, then repeated: long enough that nothing in the engine sees a loop.
		float[][] song = MusicSignals.song(rate, 120, Signals.amplitude(-0.3), new SplittableRandom(2024));
		int length = song[0].length;
		float[][] block = new float[2][1 << 15];
		for (String value : minutes) {
			Path file = directory.resolve("mix-" + value + "min.wav");
			long frames = Long.parseLong(value) * 60 * rate;
			// Block by block: a 40-minute file would not fit in the heap at once.
			try (WavWriter writer = WavWriter.create(file, rate, 2, 16)) {
				for (long offset = 0; offset < frames; offset += block[0].length) {
					int count = (int) Math.min(block[0].length, frames - offset);
					for (int i = 0; i < count; i++) {
						int j = (int) ((offset + i) % length);
						block[0][i] = song[0][j];
						block[1][i] = song[1][j];
					}
					writer.write(block, count);
				}
			}
			System.out.println("generated " + file);
		}
	}

	private static void speed(Path file, int runs) throws Exception {
		AudioEngine engine = new AudioEngine();
		Path ffmpeg = ffmpeg();
		Path out = Files.createTempFile("bench-", ".m4a");
		Path reference = Files.createTempFile("bench-ffmpeg-", ".m4a");
		try {
			for (int i = 0; i < 2; i++) {
				engine.analyze(file);
				engine.measureLoudness(file);
				engine.renderStream(file, out);
			}
			List<Double> analysis = new ArrayList<>();
			List<Double> loudness = new ArrayList<>();
			List<Double> loudnessFfmpeg = new ArrayList<>();
			List<Double> rendition = new ArrayList<>();
			List<Double> renditionFfmpeg = new ArrayList<>();
			for (int i = 0; i < runs; i++) {
				analysis.add(time(() -> engine.analyze(file)));
				loudness.add(time(() -> engine.measureLoudness(file)));
				loudnessFfmpeg.add(run(ffmpeg, "-hide_banner", "-nostats", "-i", file.toString(), "-af",
						"ebur128=peak=true", "-f", "null", "-"));
				rendition.add(time(() -> engine.renderStream(file, out)));
				renditionFfmpeg.add(run(ffmpeg, "-hide_banner", "-nostats", "-y", "-i", file.toString(), "-c:a", "aac",
						"-b:a", "256k", "-movflags", "+faststart", reference.toString()));
			}
			Measurements.Loudness measured = engine.measureLoudness(file);
			double audio = engine.analyze(file).measurements().technical().durationSeconds();
			System.out.printf("file: %s, %.0f s of audio, %d runs each, medians%n", file.getFileName(), audio, runs);
			System.out.printf(
					"full analysis (decode, loudness, true peak, LRA, problems, tempo, key, waveform): %.3f s "
							+ "(%.0fx real time; target <= 2 s)%n",
					Figures.median(analysis), audio / Figures.median(analysis));
			System.out.printf(
					"loudness + true peak: engine %.3f s, ffmpeg -af ebur128=peak=true %.3f s, ratio %.2f "
							+ "(target <= 1.0)%n",
					Figures.median(loudness), Figures.median(loudnessFfmpeg),
					Figures.median(loudness) / Figures.median(loudnessFfmpeg));
			System.out.printf("  engine reads I %.2f LUFS, LRA %.2f LU, true peak %.2f dBTP%n",
					measured.integratedLufs(), measured.loudnessRangeLu(), measured.truePeakDbtp());
			System.out.printf(
					"AAC 256 kbps M4A rendition: engine %.3f s, ffmpeg -c:a aac -b:a 256k -movflags +faststart "
							+ "%.3f s, ratio %.2f (target <= 1.2); sizes %d and %d bytes%n",
					Figures.median(rendition), Figures.median(renditionFfmpeg),
					Figures.median(rendition) / Figures.median(renditionFfmpeg), Files.size(out),
					Files.size(reference));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(reference);
		}
	}

	private static void cold(Path file) {
		AnalysisResult result = new AudioEngine().analyze(file);
		long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		System.out.printf("full analysis, first call in a fresh JVM: %.3f s from JVM start (%.0f s of audio)%n",
				sinceStart / 1000.0, result.measurements().technical().durationSeconds());
	}

	private static void memory(Path file) throws IOException {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		AnalysisResult result = new AudioEngine().analyze(file);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.gc();
		long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		String rss = Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("VmHWM"))
			.findFirst()
			.orElse("VmHWM: ?")
			.replaceAll("\\s+", " ");
		System.out.printf(
				"memory, %.0f s of audio: heap peak %.1f MB, live heap after %.1f MB (waveform %.2f MB), "
						+ "peak resident %s, max heap %d MB%n",
				result.measurements().technical().durationSeconds(), peak / 1048576.0, live / 1048576.0,
				result.waveform().toDat().length / 1048576.0, rss.substring(rss.indexOf(':') + 2),
				Runtime.getRuntime().maxMemory() / 1048576);
	}

	private static Path ffmpeg() {
		try {
			return Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
		}
		catch (UnsatisfiedLinkError ex) {
			throw new IllegalStateException("The ffmpeg program bundled by bytedeco links libavdevice, which needs "
					+ "libpulse.so.0 (Debian/Ubuntu: apt-get install libpulse0): " + ex.getMessage(), ex);
		}
	}

	private static double run(Path ffmpeg, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ffmpeg.toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
		long start = System.nanoTime();
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("ffmpeg failed: " + new String(output));
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static double time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e9;
	}

}
