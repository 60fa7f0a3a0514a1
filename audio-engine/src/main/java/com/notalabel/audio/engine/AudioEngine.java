package com.notalabel.audio.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import com.notalabel.audio.engine.Measurements.Loudness;

/**
 * The audio engine's door: analysis and streaming renditions of one local file.
 * Thread-safe and stateless; each call decodes the file once on the calling thread, in
 * memory that does not depend on the file's length.
 *
 * <p>
 * Every failure that is the file's fault is an {@link AudioRejected} whose message the
 * artist can read; anything else (the file vanished, the disk is full) is another
 * exception, worth a retry.
 */
public final class AudioEngine {

	private final AudioLimits limits;

	public AudioEngine() {
		this(AudioLimits.DEFAULTS);
	}

	public AudioEngine(AudioLimits limits) {
		this.limits = Objects.requireNonNull(limits, "limits");
	}

	/**
	 * Analyses a file: technical facts, loudness, problems, tempo, key and the waveform.
	 * @param file a local audio file
	 * @return the measurements and the waveform
	 * @throws AudioRejected when the file is not audio the engine accepts
	 */
	public AnalysisResult analyze(Path file) {
		return TrackAnalyzer.analyze(requireFile(file), this.limits);
	}

	/**
	 * Measures only loudness and peaks, faster than a full analysis.
	 * @param file a local audio file
	 * @return the loudness and peaks
	 * @throws AudioRejected when the file is not audio the engine accepts
	 */
	public Loudness measureLoudness(Path file) {
		return TrackAnalyzer.measureLoudness(requireFile(file), this.limits);
	}

	/**
	 * Renders the streaming rendition, AAC in M4A with its index at the front.
	 * @param source a local audio file
	 * @param target the file to write, replaced if it exists
	 * @return what was written
	 * @throws AudioRejected when the source is not audio the engine accepts
	 */
	public Rendition renderStream(Path source, Path target) {
		return renderStream(source, target, RenditionFormat.AAC_M4A);
	}

	/**
	 * Renders a streaming rendition to a file.
	 * @param source a local audio file
	 * @param target the file to write, replaced if it exists
	 * @param format the format
	 * @return what was written
	 * @throws AudioRejected when the source is not audio the engine accepts
	 */
	public Rendition renderStream(Path source, Path target, RenditionFormat format) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(format, "format");
		Transcoder.Result result = Transcoder.transcode(requireFile(source), target, format.encoding(), this.limits);
		return new Rendition(format, result.sampleRate(), result.channels(), (int) (result.bitrate() / 1000),
				result.durationSeconds(), result.sizeBytes());
	}

	/**
	 * Renders a streaming rendition to a stream. An M4A's index goes in front of the
	 * audio only once the audio is written, so the rendition passes through a temporary
	 * file; uploading from {@link #renderStream(Path, Path, RenditionFormat)}'s file,
	 * whose length is known, is usually the better choice.
	 * @param source a local audio file
	 * @param target where to write; not closed
	 * @param format the format
	 * @return what was written
	 * @throws AudioRejected when the source is not audio the engine accepts
	 * @throws IOException when the temporary file or the stream fails
	 */
	public Rendition renderStream(Path source, OutputStream target, RenditionFormat format) throws IOException {
		Objects.requireNonNull(target, "target");
		Path temporary = Files.createTempFile("nal-rendition-", "." + format.extension());
		try {
			Rendition rendition = renderStream(source, temporary, format);
			Files.copy(temporary, target);
			return rendition;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static Path requireFile(Path file) {
		Objects.requireNonNull(file, "file");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("Not a regular file: " + file);
		}
		return file;
	}

}
