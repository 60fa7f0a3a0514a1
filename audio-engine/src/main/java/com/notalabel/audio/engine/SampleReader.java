package com.notalabel.audio.engine;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns a decoder's frames, whatever their sample format, into planar floats at the
 * source rate and channel layout, and hands them to a sink. swresample does the
 * conversion in native code; the only copy into the Java heap is the final one.
 */
final class SampleReader implements AutoCloseable {

	private final AudioDecoder decoder;

	private final int channels;

	private final SwrContext converter;

	private final FloatPointer[] nativePlanes;

	private final PointerPointer<FloatPointer> output;

	private float[][] planes;

	private int capacity;

	private boolean closed;

	SampleReader(AudioDecoder decoder) {
		this.decoder = decoder;
		AVCodecContext codec = decoder.codecContext();
		this.channels = decoder.source().channels();
		SwrContext allocated = new SwrContext(null);
		int configured = swresample.swr_alloc_set_opts2(allocated, codec.ch_layout(), avutil.AV_SAMPLE_FMT_FLTP,
				codec.sample_rate(), codec.ch_layout(), codec.sample_fmt(), codec.sample_rate(), 0, null);
		if (configured < 0 || allocated.isNull() || swresample.swr_init(allocated) < 0) {
			swresample.swr_free(allocated);
			throw new IllegalStateException("swresample refused " + decoder.source());
		}
		this.converter = allocated;
		this.nativePlanes = new FloatPointer[this.channels];
		this.output = new PointerPointer<>(this.channels);
		this.planes = new float[this.channels][0];
		ensureCapacity(8192);
	}

	/**
	 * Decodes everything and hands it to the sink.
	 * @param sink the receiver of every block
	 */
	void readAll(SampleSink sink) {
		AVFrame frame;
		while ((frame = this.decoder.nextFrame()) != null) {
			int samples = frame.nb_samples();
			if (samples <= 0) {
				continue;
			}
			ensureCapacity(samples);
			int converted = swresample.swr_convert(this.converter, this.output, this.capacity, frame.extended_data(),
					samples);
			if (converted < 0) {
				throw new IllegalStateException("swresample failed: " + Ffmpeg.describe(converted));
			}
			for (int channel = 0; channel < this.channels; channel++) {
				this.nativePlanes[channel].get(this.planes[channel], 0, converted);
			}
			sink.accept(this.planes, converted);
		}
	}

	private void ensureCapacity(int samples) {
		if (samples <= this.capacity) {
			return;
		}
		int grown = Math.max(samples, this.capacity * 2);
		for (int channel = 0; channel < this.channels; channel++) {
			if (this.nativePlanes[channel] != null) {
				this.nativePlanes[channel].close();
			}
			this.nativePlanes[channel] = new FloatPointer(grown);
			this.output.put(channel, this.nativePlanes[channel]);
			this.planes[channel] = new float[grown];
		}
		this.capacity = grown;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		swresample.swr_free(this.converter);
		for (FloatPointer plane : this.nativePlanes) {
			if (plane != null) {
				plane.close();
			}
		}
		this.output.close();
	}

}
