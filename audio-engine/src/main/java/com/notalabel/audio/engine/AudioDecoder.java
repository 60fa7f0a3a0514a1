package com.notalabel.audio.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.LongPointer;
import org.jspecify.annotations.Nullable;

import com.notalabel.audio.engine.AudioRejected.Reason;

/**
 * Decodes the best audio stream of one local file, frame by frame, within the engine's
 * limits. Every way a file can be wrong ends in {@link AudioRejected} with a sentence for
 * the artist; every way the machine can be wrong ends in another exception.
 */
final class AudioDecoder implements AutoCloseable {

	static final String ACCEPTED_FORMATS = "WAV, AIFF, FLAC, MP3, AAC/M4A, Ogg Vorbis or Opus";

	static final int MIN_SAMPLE_RATE = 8_000;

	static final int MAX_SAMPLE_RATE = 192_000;

	static final int MAX_CHANNELS = 8;

	/**
	 * Isolated broken packets are tolerated, as players do; more than this share is not.
	 */
	private static final int DAMAGE_TOLERANCE_PER_MILLE = 5;

	private static final int DAMAGE_ALWAYS_TOLERATED = 2;

	/**
	 * No accepted codec puts more in one frame (FLAC's largest is 65535); a frame
	 * claiming more would make the engine's buffers grow with what the file says.
	 */
	static final int MAX_FRAME_SAMPLES = 1 << 18;

	/**
	 * Containers whose declared duration is exact, not estimated from a bit rate or from
	 * the file's size: audio well short of it means the file was cut, by a failed export
	 * or upload. (FFmpeg measures a WAV or AIFF by the bytes present, so a cut one
	 * passes, as in any player.)
	 */
	private static final Set<String> EXACT_DURATION_CONTAINERS = Set.of("flac", "mp4");

	private final Path file;

	private final Deadline deadline;

	private final LongPointer deadlineHolder;

	private final long maxSamples;

	private final long maxSeconds;

	private @Nullable AVFormatContext format;

	private @Nullable AVCodecContext codec;

	private final AVPacket packet;

	private final AVFrame frame;

	private final int streamIndex;

	private final SourceFormat source;

	private long decodedSamples;

	private long packets;

	private long damagedPackets;

	private boolean inputEnded;

	private boolean closed;

	private AudioDecoder(Path file, AudioLimits limits, Deadline deadline) {
		this.file = file;
		this.deadline = deadline;
		this.deadlineHolder = new LongPointer(1);
		this.deadlineHolder.put(deadline.atNanos());
		this.maxSeconds = limits.maxDuration().toSeconds();
		this.packet = avcodec.av_packet_alloc();
		this.frame = avutil.av_frame_alloc();
		try {
			deadline.check();
			this.format = openFormat();
			this.streamIndex = findAudioStream(this.format);
			AVStream stream = this.format.streams(this.streamIndex);
			for (int i = 0; i < this.format.nb_streams(); i++) {
				if (i != this.streamIndex) {
					this.format.streams(i).discard(avcodec.AVDISCARD_ALL);
				}
			}
			this.codec = openCodec(stream.codecpar());
			this.source = describe(this.format, stream, this.codec);
			this.maxSamples = limits.maxDuration().toSeconds() * this.source.sampleRate();
			Double declared = this.source.declaredDurationSeconds();
			if (declared != null && declared > this.maxSeconds + 1) {
				throw tooLong();
			}
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Opens a file and its audio decoder.
	 * @param file a local file
	 * @param limits the engine's limits
	 * @param deadline when the whole job must be done
	 * @return an open decoder, to be closed by the caller
	 * @throws AudioRejected when the file is not audio the engine accepts
	 */
	static AudioDecoder open(Path file, AudioLimits limits, Deadline deadline) {
		return new AudioDecoder(file, limits, deadline);
	}

	SourceFormat source() {
		return this.source;
	}

	AVCodecContext codecContext() {
		return Ffmpeg.requireOpen(this.codec);
	}

	long decodedSamples() {
		return this.decodedSamples;
	}

	long damagedPackets() {
		return this.damagedPackets;
	}

	/**
	 * Decodes the next frame.
	 * @return the frame, valid until the next call, or {@code null} after the last one
	 */
	@Nullable AVFrame nextFrame() {
		AVCodecContext context = Ffmpeg.requireOpen(this.codec);
		AVFormatContext input = Ffmpeg.requireOpen(this.format);
		while (true) {
			this.deadline.check();
			int received = avcodec.avcodec_receive_frame(context, this.frame);
			if (received >= 0) {
				accept(this.frame);
				return this.frame;
			}
			if (received == avutil.AVERROR_EOF) {
				finish();
				return null;
			}
			if (received != Ffmpeg.EAGAIN) {
				damaged(received);
				continue;
			}
			if (this.inputEnded) {
				// The decoder wants input after the flush: nothing more will come.
				finish();
				return null;
			}
			int read = avformat.av_read_frame(input, this.packet);
			if (read < 0) {
				if (read != avutil.AVERROR_EOF) {
					if (Ffmpeg.isEnvironmental(read)) {
						throw environmental("reading", read);
					}
					// A damaged tail ends the stream, as it does for players; it counts as damage.
					damaged(read);
				}
				this.inputEnded = true;
				avcodec.avcodec_send_packet(context, null);
				continue;
			}
			try {
				if (this.packet.stream_index() != this.streamIndex) {
					continue;
				}
				this.packets++;
				int sent = avcodec.avcodec_send_packet(context, this.packet);
				if (sent < 0 && sent != Ffmpeg.EAGAIN) {
					damaged(sent);
				}
			}
			finally {
				avcodec.av_packet_unref(this.packet);
			}
		}
	}

	private void accept(AVFrame decoded) {
		if (decoded.nb_samples() > MAX_FRAME_SAMPLES) {
			throw damagedFile(new IllegalStateException("A frame of " + decoded.nb_samples() + " samples"));
		}
		if (decoded.sample_rate() != this.source.sampleRate()
				|| decoded.ch_layout().nb_channels() != this.source.channels()) {
			throw new AudioRejected(Reason.DAMAGED,
					"The audio changes its sample rate or number of channels part-way through. "
							+ "Export it again as one continuous file and upload that.");
		}
		this.decodedSamples += decoded.nb_samples();
		if (this.decodedSamples > this.maxSamples) {
			throw tooLong();
		}
	}

	private void finish() {
		if (this.damagedPackets > allowedDamage()) {
			throw damagedFile(null);
		}
		Double declared = this.source.declaredDurationSeconds();
		if (this.decodedSamples == 0) {
			if (this.damagedPackets > 0 || (declared != null && declared > 0.5)) {
				throw damagedFile(null);
			}
			throw new AudioRejected(Reason.NO_AUDIO, "The file contains no audio samples.");
		}
		double decoded = (double) this.decodedSamples / this.source.sampleRate();
		if (declared != null && EXACT_DURATION_CONTAINERS.contains(this.source.container())
				&& decoded < declared - Math.max(0.5, 0.01 * declared)) {
			throw new AudioRejected(Reason.DAMAGED, "The file is cut short: it announces " + clock(declared)
					+ " of audio but holds " + clock(decoded) + ". Export it again and upload the new file.");
		}
	}

	private void damaged(int error) {
		this.damagedPackets++;
		// Give up early on a file that is mostly garbage rather than decoding all of it.
		if (this.damagedPackets > 50 && this.damagedPackets > allowedDamage()) {
			throw damagedFile(new IllegalStateException("FFmpeg: " + Ffmpeg.describe(error)));
		}
	}

	private long allowedDamage() {
		return Math.max(DAMAGE_ALWAYS_TOLERATED, this.packets * DAMAGE_TOLERANCE_PER_MILLE / 1000);
	}

	private AVFormatContext openFormat() {
		int[] error = new int[1];
		String url = "file:" + this.file.toAbsolutePath();
		AVFormatContext opened = Ffmpeg.openInput(url, this.deadlineHolder, error);
		if (opened == null) {
			if (Ffmpeg.isEnvironmental(error[0])) {
				throw environmental("opening", error[0]);
			}
			this.deadline.check();
			throw new AudioRejected(Reason.NOT_AUDIO,
					"This file is not audio we can read. Upload " + ACCEPTED_FORMATS + ".",
					new IllegalStateException("FFmpeg: " + Ffmpeg.describe(error[0])));
		}
		this.format = opened;
		AVDictionary noOptions = null;
		int found = avformat.avformat_find_stream_info(opened, noOptions);
		if (found < 0) {
			this.deadline.check();
			throw damagedFile(new IllegalStateException("FFmpeg: " + Ffmpeg.describe(found)));
		}
		return opened;
	}

	private int findAudioStream(AVFormatContext context) {
		AVCodec noDecoder = null;
		int index = avformat.av_find_best_stream(context, avutil.AVMEDIA_TYPE_AUDIO, -1, -1, noDecoder, 0);
		if (index < 0) {
			throw new AudioRejected(Reason.NO_AUDIO, "This file contains no audio.");
		}
		return index;
	}

	private AVCodecContext openCodec(AVCodecParameters parameters) {
		String codecName = avcodec.avcodec_get_name(parameters.codec_id()).getString(StandardCharsets.UTF_8);
		AVCodec decoder = avcodec.avcodec_find_decoder(parameters.codec_id());
		if (decoder == null || decoder.isNull() || !isAccepted(decoder.name().getString(StandardCharsets.UTF_8))) {
			throw new AudioRejected(Reason.UNSUPPORTED_CODEC, "The audio in this file is encoded as " + codecName
					+ ", which we do not accept. Upload " + ACCEPTED_FORMATS + ".");
		}
		int sampleRate = parameters.sample_rate();
		if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
			throw new AudioRejected(Reason.UNSUPPORTED_SAMPLE_RATE, "The sample rate of " + sampleRate
					+ " Hz is outside what we accept: 8 kHz to 192 kHz. 44.1 or 48 kHz are the usual choices.");
		}
		int channels = parameters.ch_layout().nb_channels();
		if (channels < 1 || channels > MAX_CHANNELS) {
			throw new AudioRejected(Reason.TOO_MANY_CHANNELS,
					"The file has " + channels + " channels; we accept mono, stereo and surround up to 7.1.");
		}
		AVCodecContext context = avcodec.avcodec_alloc_context3(decoder);
		if (context == null || context.isNull()) {
			throw new OutOfMemoryError("FFmpeg could not allocate a decoder");
		}
		this.codec = context;
		int copied = avcodec.avcodec_parameters_to_context(context, parameters);
		if (copied < 0) {
			throw damagedFile(new IllegalStateException("FFmpeg: " + Ffmpeg.describe(copied)));
		}
		context.thread_count(1);
		AVDictionary options = new AVDictionary(null);
		try {
			avutil.av_dict_set(options, "codec_whitelist", Ffmpeg.DECODERS, 0);
			int opened = avcodec.avcodec_open2(context, decoder, options);
			if (opened < 0) {
				throw damagedFile(new IllegalStateException("FFmpeg: " + Ffmpeg.describe(opened)));
			}
		}
		finally {
			avutil.av_dict_free(options);
		}
		return context;
	}

	private static boolean isAccepted(String decoderName) {
		for (String accepted : Ffmpeg.DECODERS.split(",")) {
			if (accepted.equals(decoderName)) {
				return true;
			}
		}
		return false;
	}

	private static SourceFormat describe(AVFormatContext format, AVStream stream, AVCodecContext context) {
		AVCodecParameters parameters = stream.codecpar();
		int codecId = parameters.codec_id();
		String codecName = avcodec.avcodec_get_name(codecId).getString(StandardCharsets.UTF_8);
		boolean pcm = codecName.startsWith("pcm_");
		boolean lossless = pcm || codecId == avcodec.AV_CODEC_ID_FLAC || codecId == avcodec.AV_CODEC_ID_ALAC;
		boolean floatingPoint = codecName.startsWith("pcm_f");
		Integer bitDepth = null;
		if (lossless) {
			int raw = parameters.bits_per_raw_sample();
			if (raw <= 0) {
				raw = pcm ? avcodec.av_get_bits_per_sample(codecId) : context.bits_per_raw_sample();
			}
			if (raw <= 0) {
				raw = avutil.av_get_bytes_per_sample(context.sample_fmt()) * 8;
			}
			bitDepth = (raw > 0) ? raw : null;
		}
		AVChannelLayout layout = context.ch_layout();
		int channels = layout.nb_channels();
		AVChannelLayout described = layout;
		AVChannelLayout fallback = null;
		if (layout.order() != avutil.AV_CHANNEL_ORDER_NATIVE && layout.order() != avutil.AV_CHANNEL_ORDER_CUSTOM) {
			fallback = new AVChannelLayout();
			avutil.av_channel_layout_default(fallback, channels);
			described = fallback;
		}
		int[] kinds = new int[channels];
		for (int i = 0; i < channels; i++) {
			kinds[i] = avutil.av_channel_layout_channel_from_index(described, i);
		}
		byte[] name = new byte[64];
		avutil.av_channel_layout_describe(described, name, name.length);
		if (fallback != null) {
			avutil.av_channel_layout_uninit(fallback);
			fallback.close();
		}
		Double declared = null;
		if (stream.duration() > 0 && stream.time_base().den() > 0) {
			declared = stream.duration() * (double) stream.time_base().num() / stream.time_base().den();
		}
		else if (format.duration() > 0) {
			declared = format.duration() / (double) avutil.AV_TIME_BASE;
		}
		long bitrate = parameters.bit_rate() > 0 ? parameters.bit_rate() : Math.max(0, format.bit_rate());
		return new SourceFormat(containerName(format), codecName, lossless, floatingPoint, parameters.sample_rate(),
				bitDepth, kinds, Ffmpeg.cString(name), declared, bitrate);
	}

	private static String containerName(AVFormatContext format) {
		String name = format.iformat().name().getString(StandardCharsets.UTF_8);
		if (name.startsWith("mov,")) {
			return "mp4";
		}
		int comma = name.indexOf(',');
		return (comma < 0) ? name : name.substring(0, comma);
	}

	private AudioRejected tooLong() {
		return new AudioRejected(Reason.TOO_LONG,
				"The audio is longer than " + describeSeconds(this.maxSeconds) + ", the longest we accept.");
	}

	/** A time as a player shows it, such as {@code 3:07}. */
	private static String clock(double seconds) {
		long whole = (long) Math.floor(seconds);
		return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
	}

	private static AudioRejected damagedFile(@Nullable Throwable cause) {
		return new AudioRejected(Reason.DAMAGED,
				"The file is damaged: its audio could not be decoded. " + "Export it again and upload the new file.",
				cause);
	}

	private UncheckedIOException environmental(String doing, int error) {
		return new UncheckedIOException(new IOException(
				"FFmpeg failed " + doing + " " + this.file.getFileName() + ": " + Ffmpeg.describe(error)));
	}

	static String describeSeconds(long seconds) {
		if (seconds % 3600 == 0) {
			long hours = seconds / 3600;
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		if (seconds % 60 == 0) {
			long minutes = seconds / 60;
			return minutes + ((minutes == 1) ? " minute" : " minutes");
		}
		return seconds + " seconds";
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.codec != null) {
			avcodec.avcodec_free_context(this.codec);
			this.codec = null;
		}
		if (this.format != null) {
			avformat.avformat_close_input(this.format);
			this.format = null;
		}
		avcodec.av_packet_free(this.packet);
		avutil.av_frame_free(this.frame);
		this.deadlineHolder.close();
	}

}
