package com.notalabel.distribution.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What distribution is configured with ({@code distribution.*}): who sends, the stores it
 * delivers to, and how deliveries are paced.
 *
 * @param sender this installation as the stores know it
 * @param platforms the stores, in the order the artist sees them
 * @param delivery how deliveries are run
 */
@Validated
@ConfigurationProperties("distribution")
public record DistributionProperties(@Valid @NotNull Sender sender, @Valid @NotEmpty List<Platform> platforms,
		@Valid @NotNull @DefaultValue Delivery delivery) {

	/** A DDEX party id: {@code PADPIDA} and eleven letters or digits. */
	static final String DPID = "PADPIDA[0-9A-Z]{11}";

	public DistributionProperties {
		platforms = List.copyOf(platforms);
		long distinct = platforms.stream().map(Platform::name).distinct().count();
		if (distinct != platforms.size()) {
			throw new IllegalArgumentException("Two stores in distribution.platforms share a name");
		}
	}

	/**
	 * The store of that name.
	 * @param name the configured name
	 * @return the store, empty when none has the name
	 */
	public Optional<Platform> platform(String name) {
		return this.platforms.stream().filter((platform) -> platform.name().equals(name)).findFirst();
	}

	/**
	 * The sender of every message.
	 *
	 * @param dpid this installation's DDEX party id
	 * @param name its name as the stores show it
	 */
	public record Sender(@NotBlank @Pattern(regexp = DPID) String dpid, @NotBlank String name) {

	}

	/**
	 * One store.
	 *
	 * @param name the name releases and the API use, lower case
	 * @param displayName the name the artist reads
	 * @param dpid the store's DDEX party id, the messages' recipient
	 * @param leadTimeDays days the store needs between delivery and the release date
	 * @param sftp how to reach its ingestion server
	 * @param rules what it accepts
	 */
	public record Platform(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String name,
			@NotBlank String displayName, @NotBlank @Pattern(regexp = DPID) String dpid,
			@Min(0) @Max(365) int leadTimeDays, @Valid @NotNull Sftp sftp, @Valid @NotNull @DefaultValue Rules rules) {

	}

	/**
	 * The store's SFTP server. The client logs in with the private key (a PEM text, or
	 * the file that holds it) or, failing a key, the password.
	 *
	 * @param host the server
	 * @param port its port
	 * @param user the account
	 * @param privateKey the private key's PEM text (OpenSSH or PKCS#8), or empty
	 * @param privateKeyFile the file holding the private key, or {@code null}
	 * @param password the password, or empty
	 * @param hostKeyFingerprint the server's host key as {@code SHA256:...}; empty trusts
	 * any host key (local stores only)
	 * @param folder the folder batches go into; the store answers in its
	 * {@code acknowledgements} sub-folder
	 */
	public record Sftp(@NotBlank String host, @Min(1) @Max(65535) int port, @NotBlank String user,
			@DefaultValue("") String privateKey, @Nullable Path privateKeyFile, @DefaultValue("") String password,
			@DefaultValue("") String hostKeyFingerprint, @DefaultValue("/") String folder) {

		@Override
		public String toString() {
			// Never the key or the password, should the settings be logged.
			return "Sftp[" + this.user + "@" + this.host + ":" + this.port + this.folder + "]";
		}

	}

	/**
	 * What the store accepts.
	 *
	 * @param formats the containers of originals it takes, e.g. {@code wav}, {@code flac}
	 * @param minSampleRateHz the lowest sample rate
	 * @param bitDepths the bit depths it takes
	 * @param channels the number of channels
	 * @param maxTruePeakDbtp the highest true peak
	 * @param minArtworkPixels the smallest side of the square cover
	 * @param requireGenre whether a release needs a genre
	 * @param requireLabel whether a release needs a label name
	 */
	public record Rules(@NotEmpty @DefaultValue({
			"wav", "flac" }) List<String> formats, @Min(8000) @DefaultValue("44100") int minSampleRateHz,
			@NotEmpty @DefaultValue({ "16", "24" }) List<Integer> bitDepths, @Min(1) @DefaultValue("2") int channels,
			@DecimalMax("0.0") @DefaultValue("-1.0") double maxTruePeakDbtp,
			@Min(1) @DefaultValue("3000") int minArtworkPixels, @DefaultValue("true") boolean requireGenre,
			@DefaultValue("false") boolean requireLabel) {

		public Rules {
			formats = List.copyOf(formats);
			bitDepths = List.copyOf(bitDepths);
		}

	}

	/**
	 * How deliveries run.
	 *
	 * @param enabled whether this instance delivers and reads acknowledgements
	 * @param pollInterval how often due deliveries are looked for
	 * @param acknowledgementInterval how often each store's acknowledgements are read
	 * @param lease how long a claimed delivery is held before another instance may take
	 * it over (a dead instance's)
	 * @param maxAttempts attempts of one delivery before it fails for good
	 * @param firstRetryDelay the pause after the first failed attempt, doubled after each
	 * @param maxRetryDelay the longest pause between attempts
	 * @param connectTimeout the longest wait for an SFTP connection and login
	 * @param ioTimeout the longest silence of an open SFTP connection
	 */
	public record Delivery(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("2s") Duration pollInterval,
			@NotNull @DefaultValue("10s") Duration acknowledgementInterval, @NotNull @DefaultValue("5m") Duration lease,
			@Min(1) @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("5s") Duration firstRetryDelay,
			@NotNull @DefaultValue("10m") Duration maxRetryDelay, @NotNull @DefaultValue("10s") Duration connectTimeout,
			@NotNull @DefaultValue("60s") Duration ioTimeout) {

	}

}
