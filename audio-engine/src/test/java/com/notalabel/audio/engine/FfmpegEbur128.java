package com.notalabel.audio.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg's own {@code ebur128} filter with {@code peak=true}, run in process on the
 * frames of the engine's decoder, as the reference the engine's meter is compared
 * against. In process rather than the {@code ffmpeg} program: the program bundled by
 * bytedeco needs libpulse, which a bare machine lacks; the filter is the same code.
 */
final class FfmpegEbur128 {

	private FfmpegEbur128() {
	}

	/**
	 * @param integratedLufs integrated loudness
	 * @param loudnessRangeLu loudness range
	 * @param truePeakDbtp the highest true peak of any channel, in dB (the filter's
	 * metadata carries it linear)
	 */
	record Reading(double integratedLufs, double loudnessRangeLu, double truePeakDbtp) {

	}

	static Reading measure(Path file) {
		Deadline deadline = Deadline.after(AudioLimits.DEFAULTS.maxProcessingTime());
		try (AudioDecoder decoder = AudioDecoder.open(file, AudioLimits.DEFAULTS, deadline)) {
			AVCodecContext codec = decoder.codecContext();
			byte[] layout = new byte[64];
			avutil.av_channel_layout_describe(codec.ch_layout(), layout, layout.length);
			String args = "time_base=1/" + codec.sample_rate() + ":sample_rate=" + codec.sample_rate() + ":sample_fmt="
					+ avutil.av_get_sample_fmt_name(codec.sample_fmt()).getString() + ":channel_layout="
					+ Ffmpeg.cString(layout);
			AVFilterGraph graph = avfilter.avfilter_graph_alloc();
			AVFrame filtered = avutil.av_frame_alloc();
			try {
				AVFilterContext source = new AVFilterContext(null);
				AVFilterContext meter = new AVFilterContext(null);
				AVFilterContext sink = new AVFilterContext(null);
				Ffmpeg.check(avfilter.avfilter_graph_create_filter(source, avfilter.avfilter_get_by_name("abuffer"),
						"in", args, null, graph), "running the reference meter");
				Ffmpeg.check(avfilter.avfilter_graph_create_filter(meter, avfilter.avfilter_get_by_name("ebur128"),
						"meter", "peak=true:metadata=1", null, graph), "running the reference meter");
				Ffmpeg.check(avfilter.avfilter_graph_create_filter(sink, avfilter.avfilter_get_by_name("abuffersink"),
						"out", (String) null, null, graph), "running the reference meter");
				Ffmpeg.check(avfilter.avfilter_link(source, 0, meter, 0), "running the reference meter");
				Ffmpeg.check(avfilter.avfilter_link(meter, 0, sink, 0), "running the reference meter");
				Ffmpeg.check(avfilter.avfilter_graph_config(graph, null), "running the reference meter");
				Map<String, String> last = new HashMap<>();
				AVFrame frame;
				while ((frame = decoder.nextFrame()) != null) {
					Ffmpeg.check(
							avfilter.av_buffersrc_add_frame_flags(source, frame, avfilter.AV_BUFFERSRC_FLAG_KEEP_REF),
							"running the reference meter");
					drain(sink, filtered, last);
				}
				Ffmpeg.check(avfilter.av_buffersrc_add_frame(source, null), "running the reference meter");
				drain(sink, filtered, last);
				double truePeak = Double.NEGATIVE_INFINITY;
				for (Map.Entry<String, String> entry : last.entrySet()) {
					if (entry.getKey().startsWith("lavfi.r128.true_peaks_ch")) {
						truePeak = Math.max(truePeak, 20.0 * Math.log10(Double.parseDouble(entry.getValue())));
					}
				}
				return new Reading(Double.parseDouble(last.get("lavfi.r128.I")),
						Double.parseDouble(last.get("lavfi.r128.LRA")), truePeak);
			}
			finally {
				avutil.av_frame_free(filtered);
				avfilter.avfilter_graph_free(graph);
			}
		}
	}

	private static void drain(AVFilterContext sink, AVFrame filtered, Map<String, String> last) {
		while (true) {
			int result = avfilter.av_buffersink_get_frame(sink, filtered);
			if (result == Ffmpeg.EAGAIN || result == avutil.AVERROR_EOF) {
				return;
			}
			Ffmpeg.check(result, "running the reference meter");
			AVDictionaryEntry entry = null;
			while ((entry = avutil.av_dict_iterate(filtered.metadata(), entry)) != null) {
				last.put(entry.key().getString(StandardCharsets.UTF_8),
						entry.value().getString(StandardCharsets.UTF_8));
			}
			avutil.av_frame_unref(filtered);
		}
	}

}
