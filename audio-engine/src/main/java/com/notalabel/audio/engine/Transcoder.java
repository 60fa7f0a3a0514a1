package com.notalabel.audio.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a file and encodes it again, entirely in FFmpeg's native code: decoder,
 * swresample (format, rate, down-mix), an audio FIFO cutting the encoder's frame size,
 * the encoder and the muxer. The Java side only moves frames along, so the cost is
 * FFmpeg's.
 */
final class Transcoder implements AutoCloseable {

	private final AudioDecoder decoder;

	private final Encoding encoding;

	private final Path target;

	private final int outputRate;

	private final int outputChannels;

	private final AVChannelLayout outputLayout = new AVChannelLayout();

	private @Nullable AVFormatContext muxer;

	private @Nullable AVIOContext output;

	private @Nullable AVCodecContext encoder;

	private @Nullable SwrContext converter;

	private @Nullable AVAudioFifo fifo;

	private final AVFrame converted;

	private final AVFrame chunk;

	private final AVPacket packet;

	private AVStream stream;

	private long samplesWritten;

	private boolean closed;

	private Transcoder(AudioDecoder decoder, Encoding encoding, Path target) {
		this.decoder = decoder;
		this.encoding = encoding;
		this.target = target;
		SourceFormat source = decoder.source();
		this.outputRate = encoding.sampleRateFor(source.sampleRate());
		this.outputChannels = encoding.channelsFor(source.channels());
		this.converted = avutil.av_frame_alloc();
		this.chunk = avutil.av_frame_alloc();
		this.packet = avcodec.av_packet_alloc();
		try {
			if (this.outputChannels == source.channels() && source.channels() > 2) {
				avutil.av_channel_layout_copy(this.outputLayout, decoder.codecContext().ch_layout());
			}
			else {
				avutil.av_channel_layout_default(this.outputLayout, this.outputChannels);
			}
			openEncoder();
			openMuxer();
			this.fifo = avutil.av_audio_fifo_alloc(encoding.sampleFormat(), this.outputChannels, 4096);
			if (this.fifo == null || this.fifo.isNull()) {
				throw new OutOfMemoryError("FFmpeg could not allocate a FIFO");
			}
		}
		catch (RuntimeException | Error ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Transcodes a file.
	 * @param source the file to read, within the engine's limits
	 * @param target the file to write, replaced if it exists
	 * @param encoding how to encode
	 * @param limits the engine's limits
	 * @return the output's sample rate, channels and duration
	 */
	static Result transcode(Path source, Path target, Encoding encoding, AudioLimits limits) {
		Deadline deadline = Deadline.after(limits.maxProcessingTime());
		try (AudioDecoder decoder = AudioDecoder.open(source, limits, deadline);
				Transcoder transcoder = new Transcoder(decoder, encoding, target)) {
			return transcoder.run();
		}
		catch (RuntimeException | Error ex) {
			// Never leave half a rendition behind for someone to upload.
			try {
				Files.deleteIfExists(target);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	private void openEncoder() {
		AVCodec codec = avcodec.avcodec_find_encoder_by_name(this.encoding.encoder());
		if (codec == null || codec.isNull()) {
			throw new IllegalStateException("FFmpeg has no encoder " + this.encoding.encoder());
		}
		AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
		if (context == null || context.isNull()) {
			throw new OutOfMemoryError("FFmpeg could not allocate an encoder");
		}
		this.encoder = context;
		context.sample_fmt(this.encoding.sampleFormat());
		context.sample_rate(this.outputRate);
		avutil.av_channel_layout_copy(context.ch_layout(), this.outputLayout);
		long bitrate = this.encoding.bitrateFor(this.outputChannels);
		if (bitrate > 0) {
			context.bit_rate(bitrate);
		}
		if (this.encoding.bitsPerRawSample() > 0) {
			context.bits_per_raw_sample(this.encoding.bitsPerRawSample());
		}
		context.time_base().num(1).den(this.outputRate);
		context.thread_count(1);
		AVFormatContext probe = new AVFormatContext(null);
		// The muxer decides whether codec headers go in the container; ask it first.
		if (avformat.avformat_alloc_output_context2(probe, null, this.encoding.muxer(), (String) null) < 0) {
			throw new IllegalStateException("FFmpeg has no muxer " + this.encoding.muxer());
		}
		if ((probe.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
			context.flags(context.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
		}
		avformat.avformat_free_context(probe);
		AVDictionary options = dictionary(this.encoding.encoderOptions());
		try {
			Ffmpeg.check(avcodec.avcodec_open2(context, codec, options), "opening the encoder");
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

	private void openMuxer() {
		AVFormatContext context = new AVFormatContext(null);
		String url = "file:" + this.target.toAbsolutePath();
		Ffmpeg.check(avformat.avformat_alloc_output_context2(context, null, this.encoding.muxer(), url),
				"allocating the muxer");
		this.muxer = context;
		this.stream = avformat.avformat_new_stream(context, null);
		if (this.stream == null || this.stream.isNull()) {
			throw new OutOfMemoryError("FFmpeg could not allocate a stream");
		}
		Ffmpeg.check(avcodec.avcodec_parameters_from_context(this.stream.codecpar(), Ffmpeg.requireOpen(this.encoder)),
				"describing the stream");
		this.stream.time_base().num(1).den(this.outputRate);
		AVIOContext io = new AVIOContext(null);
		AVDictionary ioOptions = dictionary(Map.of("protocol_whitelist", Ffmpeg.PROTOCOLS));
		try {
			Ffmpeg.check(avformat.avio_open2(io, url, avformat.AVIO_FLAG_WRITE, null, ioOptions), "creating the file");
		}
		finally {
			avutil.av_dict_free(ioOptions);
		}
		this.output = io;
		context.pb(io);
		AVDictionary options = dictionary(this.encoding.muxerOptions());
		try {
			Ffmpeg.check(avformat.avformat_write_header(context, options), "writing the header");
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

	/**
	 * Configures swresample from the first decoded frame rather than from the decoder:
	 * {@code swr_convert_frame} insists that every frame match, and a decoder may
	 * describe its layout differently from its frames (a channel mask against an
	 * unspecified order).
	 */
	private SwrContext openConverter(AVFrame first) {
		SwrContext allocated = new SwrContext(null);
		int configured = swresample.swr_alloc_set_opts2(allocated, this.outputLayout, this.encoding.sampleFormat(),
				this.outputRate, first.ch_layout(), first.format(), first.sample_rate(), 0, null);
		if (configured < 0 || allocated.isNull()) {
			throw new IllegalStateException("swresample refused " + this.decoder.source());
		}
		this.converter = allocated;
		Ffmpeg.check(swresample.swr_init(allocated), "starting swresample");
		return allocated;
	}

	private Result run() {
		AVCodecContext codec = Ffmpeg.requireOpen(this.encoder);
		int frameSize = (codec.frame_size() > 0) ? codec.frame_size() : 4096;
		AVFrame decoded;
		while ((decoded = this.decoder.nextFrame()) != null) {
			convert(decoded);
			drain(frameSize, false);
		}
		convert(null);
		drain(frameSize, true);
		encode(null);
		Ffmpeg.check(avformat.av_write_trailer(Ffmpeg.requireOpen(this.muxer)), "finishing the file");
		closeOutput();
		double seconds = (double) this.samplesWritten / this.outputRate;
		return new Result(this.outputRate, this.outputChannels, this.encoding.bitrateFor(this.outputChannels), seconds,
				size(this.target));
	}

	private void convert(@Nullable AVFrame input) {
		AVFrame output = this.converted;
		avutil.av_frame_unref(output);
		avutil.av_channel_layout_copy(output.ch_layout(), this.outputLayout);
		output.sample_rate(this.outputRate);
		output.format(this.encoding.sampleFormat());
		if (input != null && input.ch_layout().order() == avutil.AV_CHANNEL_ORDER_UNSPEC) {
			// swresample replaces an unspecified layout by the default one for its channel
			// count and would then see every frame as changed; say it up front.
			int channels = input.ch_layout().nb_channels();
			avutil.av_channel_layout_uninit(input.ch_layout());
			avutil.av_channel_layout_default(input.ch_layout(), channels);
		}
		SwrContext resampler = this.converter;
		if (resampler == null) {
			if (input == null) {
				return;
			}
			resampler = openConverter(input);
		}
		Ffmpeg.check(swresample.swr_convert_frame(resampler, output, input), "converting samples");
		if (output.nb_samples() > 0) {
			int written = avutil.av_audio_fifo_write(Ffmpeg.requireOpen(this.fifo), output.extended_data(),
					output.nb_samples());
			if (written < output.nb_samples()) {
				throw new OutOfMemoryError("FFmpeg could not grow the FIFO");
			}
		}
	}

	private void drain(int frameSize, boolean last) {
		AVAudioFifo queue = Ffmpeg.requireOpen(this.fifo);
		while (avutil.av_audio_fifo_size(queue) >= frameSize || (last && avutil.av_audio_fifo_size(queue) > 0)) {
			int samples = Math.min(frameSize, avutil.av_audio_fifo_size(queue));
			AVFrame frame = this.chunk;
			avutil.av_frame_unref(frame);
			frame.nb_samples(samples);
			avutil.av_channel_layout_copy(frame.ch_layout(), this.outputLayout);
			frame.format(this.encoding.sampleFormat());
			frame.sample_rate(this.outputRate);
			Ffmpeg.check(avutil.av_frame_get_buffer(frame, 0), "allocating a frame");
			if (avutil.av_audio_fifo_read(queue, frame.extended_data(), samples) < samples) {
				throw new IllegalStateException("The FIFO returned fewer samples than it holds");
			}
			frame.pts(this.samplesWritten);
			this.samplesWritten += samples;
			encode(frame);
		}
	}

	private void encode(@Nullable AVFrame frame) {
		AVCodecContext codec = Ffmpeg.requireOpen(this.encoder);
		Ffmpeg.check(avcodec.avcodec_send_frame(codec, frame), "encoding");
		while (true) {
			int received = avcodec.avcodec_receive_packet(codec, this.packet);
			if (received == Ffmpeg.EAGAIN || received == avutil.AVERROR_EOF) {
				return;
			}
			Ffmpeg.check(received, "encoding");
			avcodec.av_packet_rescale_ts(this.packet, codec.time_base(), this.stream.time_base());
			this.packet.stream_index(this.stream.index());
			int written = avformat.av_interleaved_write_frame(Ffmpeg.requireOpen(this.muxer), this.packet);
			avcodec.av_packet_unref(this.packet);
			Ffmpeg.check(written, "writing");
		}
	}

	private static AVDictionary dictionary(Map<String, String> entries) {
		AVDictionary dictionary = new AVDictionary(null);
		entries.forEach((key, value) -> avutil.av_dict_set(dictionary, key, value, 0));
		return dictionary;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeOutput() {
		if (this.output != null) {
			if (this.muxer != null) {
				this.muxer.pb(null);
			}
			avformat.avio_closep(this.output);
			this.output = null;
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		closeOutput();
		if (this.muxer != null) {
			avformat.avformat_free_context(this.muxer);
			this.muxer = null;
		}
		if (this.encoder != null) {
			avcodec.avcodec_free_context(this.encoder);
			this.encoder = null;
		}
		if (this.converter != null) {
			swresample.swr_free(this.converter);
			this.converter = null;
		}
		if (this.fifo != null) {
			avutil.av_audio_fifo_free(this.fifo);
			this.fifo = null;
		}
		avutil.av_frame_free(this.converted);
		avutil.av_frame_free(this.chunk);
		avcodec.av_packet_free(this.packet);
		avutil.av_channel_layout_uninit(this.outputLayout);
		this.outputLayout.close();
	}

	/**
	 * @param sampleRate the output's rate
	 * @param channels the output's channels
	 * @param bitrate the bit rate aimed at, 0 for lossless
	 * @param durationSeconds the audio encoded
	 * @param sizeBytes the size of the file
	 */
	record Result(int sampleRate, int channels, long bitrate, double durationSeconds, long sizeBytes) {

	}

}
