package com.notalabel.distribution.platform;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.platform.DistributionProperties.Rules;

/**
 * The stores an artist can release to, with what each accepts.
 */
@RestController
class PlatformController {

	private final DistributionProperties properties;

	PlatformController(DistributionProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/v1/platforms")
	PlatformList list() {
		return new PlatformList(this.properties.platforms().stream().map(PlatformResponse::of).toList());
	}

	/**
	 * @param items the stores
	 */
	record PlatformList(List<PlatformResponse> items) {

	}

	/**
	 * A store as the artist sees it: never how it is reached.
	 *
	 * @param name the name releases use
	 * @param displayName the store's name
	 * @param dpid its DDEX party id
	 * @param leadTimeDays days it needs between delivery and the release date
	 * @param rules what it accepts
	 */
	record PlatformResponse(String name, String displayName, String dpid, int leadTimeDays, RulesResponse rules) {

		static PlatformResponse of(Platform platform) {
			Rules rules = platform.rules();
			return new PlatformResponse(platform.name(), platform.displayName(), platform.dpid(),
					platform.leadTimeDays(),
					new RulesResponse(new AudioRules(true, rules.formats(), rules.minSampleRateHz(), rules.bitDepths(),
							rules.channels(), rules.formats().contains("wav") ? 1 : null, rules.maxTruePeakDbtp()),
							new ArtworkRules(rules.minArtworkPixels(), true, "RGB"),
							new MetadataRules(true, true, true, rules.requireGenre(), rules.requireLabel(), true)));
		}

	}

	/**
	 * @param audio what the originals must be
	 * @param artwork what the cover must be
	 * @param metadata what the release must say
	 */
	record RulesResponse(AudioRules audio, ArtworkRules artwork, MetadataRules metadata) {

	}

	/**
	 * @param lossless only lossless originals
	 * @param formats the containers taken
	 * @param minSampleRateHz the lowest sample rate
	 * @param bitDepths the bit depths taken
	 * @param channels the number of channels
	 * @param wavFormatCode the WAV {@code fmt} code a WAV must have (1, integer PCM)
	 * @param maxTruePeakDbtp the highest true peak
	 */
	record AudioRules(boolean lossless, List<String> formats, int minSampleRateHz, List<Integer> bitDepths,
			int channels, @org.jspecify.annotations.Nullable Integer wavFormatCode, double maxTruePeakDbtp) {

	}

	/**
	 * @param minPixels the smallest side
	 * @param square whether it must be square
	 * @param colorSpace the colour space
	 */
	record ArtworkRules(int minPixels, boolean square, String colorSpace) {

	}

	/**
	 * @param isrcRequired every track needs an ISRC, unique on the release
	 * @param upcRequired the release needs a UPC or EAN with a right check digit
	 * @param artistRequired the release needs the artist's name
	 * @param genreRequired the release needs a genre
	 * @param labelRequired the release needs a label name
	 * @param releaseDateAfterLeadTime the release date lies beyond the store's lead time
	 */
	record MetadataRules(boolean isrcRequired, boolean upcRequired, boolean artistRequired, boolean genreRequired,
			boolean labelRequired, boolean releaseDateAfterLeadTime) {

	}

}
