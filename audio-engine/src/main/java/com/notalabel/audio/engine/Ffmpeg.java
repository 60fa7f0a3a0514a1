package com.notalabel.audio.engine;

import java.nio.charset.StandardCharsets;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * What every use of FFmpeg in the engine shares: the libraries loaded once, FFmpeg kept
 * quiet, its allocations bounded, and input opened only as one local file in one of the
 * formats we accept.
 */
final class Ffmpeg {

	/** {@code AVERROR(EAGAIN)} on Linux, the only platform whose natives we ship. */
	static final int EAGAIN = -11;

	private static final int ENOENT = -2;

	private static final int EIO = -5;

	private static final int EACCES = -13;

	private static final int ENOMEM = -12;

	/**
	 * Demuxers allowed to open input. {@code mov} stands for FFmpeg's
	 * {@code mov,mp4,m4a,3gp,3g2,mj2} family (M4A). No playlist, concat, HLS, DASH or
	 * image demuxer can be reached, whatever the file claims to be.
	 */
	static final String DEMUXERS = "wav,aiff,flac,mp3,mov,aac,ogg";

	/** Decoders allowed to run, during probing and decoding. */
	static final String DECODERS = "pcm_s16le,pcm_s16be,pcm_s24le,pcm_s24be,pcm_s32le,pcm_s32be,"
			+ "pcm_f32le,pcm_f32be,pcm_f64le,pcm_f64be,pcm_u8,pcm_s8,flac,alac,mp3float,mp3,aac,vorbis,opus";

	/**
	 * FFmpeg reads local files and nothing else: no network, no pipes, no nested
	 * protocols.
	 */
	static final String PROTOCOLS = "file";

	/**
	 * No single allocation inside FFmpeg may exceed this; audio decoders and muxers need
	 * a few megabytes at most, a hostile header claiming gigabytes fails instead.
	 */
	private static final long MAX_ALLOCATION = 256L << 20;

	/** How much of a file FFmpeg reads to recognise its format and streams. */
	private static final String PROBE_SIZE = String.valueOf(5L << 20);

	private static final String ANALYZE_DURATION_MICROS = String.valueOf(10_000_000L);

	private static final InterruptCallback INTERRUPT;

	static {
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
		avutil.av_max_alloc(MAX_ALLOCATION);
		INTERRUPT = new InterruptCallback();
	}

	private Ffmpeg() {
	}

	/**
	 * Opens one local file for reading, restricted as described on this class.
	 * @param url {@code file:} and the absolute path
	 * @param deadlineHolder native memory holding the deadline in
	 * {@link System#nanoTime()} terms, read by the interrupt callback; the caller keeps
	 * it alive while the context is open
	 * @return the opened context, or a negative FFmpeg error code in {@code error[0]}
	 */
	static AVFormatContext openInput(String url, LongPointer deadlineHolder, int[] error) {
		AVFormatContext context = avformat.avformat_alloc_context();
		if (context == null || context.isNull()) {
			throw new OutOfMemoryError("FFmpeg could not allocate a format context");
		}
		AVIOInterruptCB interrupt = context.interrupt_callback();
		interrupt.callback(INTERRUPT);
		interrupt.opaque(deadlineHolder);
		AVDictionary options = new AVDictionary(null);
		try {
			avutil.av_dict_set(options, "protocol_whitelist", PROTOCOLS, 0);
			avutil.av_dict_set(options, "format_whitelist", DEMUXERS, 0);
			avutil.av_dict_set(options, "codec_whitelist", DECODERS, 0);
			avutil.av_dict_set(options, "probesize", PROBE_SIZE, 0);
			avutil.av_dict_set(options, "analyzeduration", ANALYZE_DURATION_MICROS, 0);
			avutil.av_dict_set(options, "max_streams", "16", 0);
			// MOV data references may point at other files; never follow them.
			avutil.av_dict_set(options, "enable_drefs", "0", 0);
			int result = avformat.avformat_open_input(context, url, null, options);
			if (result < 0) {
				// avformat_open_input frees a user-supplied context on failure.
				error[0] = result;
				return null;
			}
			return context;
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

	static String describe(int error) {
		byte[] buffer = new byte[256];
		avutil.av_strerror(error, buffer, buffer.length);
		return cString(buffer) + " (" + error + ")";
	}

	/**
	 * @param result what an FFmpeg function returned
	 * @param doing what it was doing, for the message
	 * @throws IllegalStateException when the result is an error
	 */
	static void check(int result, String doing) {
		if (result < 0) {
			throw new IllegalStateException("FFmpeg failed " + doing + ": " + describe(result));
		}
	}

	/** The text of a NUL-terminated C string filled into a byte array. */
	static String cString(byte[] bytes) {
		int length = 0;
		while (length < bytes.length && bytes[length] != 0) {
			length++;
		}
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	static <T> T requireOpen(@Nullable T resource) {
		if (resource == null) {
			throw new IllegalStateException("Already closed");
		}
		return resource;
	}

	/**
	 * Whether an FFmpeg error is ours (the file vanished, the disk failed, memory ran
	 * out) rather than the file's; such errors are not the artist's to fix and are worth
	 * a retry.
	 * @param error a negative FFmpeg error code
	 * @return whether the error comes from the machine
	 */
	static boolean isEnvironmental(int error) {
		return error == ENOENT || error == EIO || error == EACCES || error == ENOMEM;
	}

	/**
	 * FFmpeg asks this between reads whether to give up; it answers yes once the deadline
	 * stored in the context's opaque pointer has passed. One instance serves every
	 * context, since JavaCPP callbacks are a scarce native resource.
	 */
	private static final class InterruptCallback extends AVIOInterruptCB.Callback_Pointer {

		@Override
		public int call(Pointer opaque) {
			if (opaque == null || opaque.isNull()) {
				return 0;
			}
			long deadline = new LongPointer(opaque).get();
			return System.nanoTime() - deadline > 0 ? 1 : 0;
		}

	}

}
