package com.notalabel.distribution.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.types.Uuid7;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.AlbumUpdated.AlbumType;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's catalogue as music-service and user-service would announce it: real WAV
 * originals and a real 3000 px cover in the tests' bucket, and the whole-state events
 * handed to the service's copy.
 */
public final class TestCatalogue {

	private static final byte[] COVER = jpeg(3000);

	private static final byte[] SMALL_COVER = jpeg(1400);

	private final Catalogue catalogue;

	private final S3Client s3 = LocalS3Clients.client(LocalS3.shared());

	public TestCatalogue(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * A new artist with a deliverable album of {@code tracks} tracks of
	 * {@code secondsEach} seconds of 16-bit stereo 44.1 kHz audio.
	 * @return the album as announced
	 */
	public Album album(int tracks, double secondsEach) {
		UserId owner = UserId.newId();
		this.catalogue.on(new UserProfileUpdated(owner, "Ada Lovelace", null, null, List.of(), null, List.of(), null,
				Instant.now()));
		List<TrackUpdated> announced = new ArrayList<>();
		for (int i = 1; i <= tracks; i++) {
			announced.add(track(owner, i, secondsEach));
		}
		AlbumId id = AlbumId.newId();
		putCover(owner, id, COVER);
		AlbumUpdated album = new AlbumUpdated(id, owner, "Night Drive",
				(tracks == 1) ? AlbumType.SINGLE : AlbumType.ALBUM, upc(), LocalDate.now().plusDays(30), null,
				"Electronic", "2026 Ada Lovelace", "2026 Ada Lovelace",
				announced.stream().map(TrackUpdated::trackId).toList(), true, false, Instant.now());
		this.catalogue.on(album);
		return new Album(album, announced);
	}

	/** Replaces the album's state. */
	public AlbumUpdated change(AlbumUpdated album, java.util.function.UnaryOperator<AlbumUpdated> change) {
		AlbumUpdated changed = change.apply(album);
		this.catalogue.on(changed);
		return changed;
	}

	/** Announces a track's new state. */
	public void announce(TrackUpdated track) {
		this.catalogue.on(track);
	}

	/** Replaces the album's cover with one too small for the stores. */
	public void smallCover(AlbumUpdated album) {
		putCover(album.ownerId(), album.albumId(), SMALL_COVER);
	}

	private TrackUpdated track(UserId owner, int number, double seconds) {
		TrackId id = TrackId.newId();
		byte[] wav = wav(seconds, number);
		String key = "originals/" + owner + "/" + id;
		this.s3.putObject((request) -> request.bucket(LocalS3.shared().bucket()).key(key).contentType("audio/wav"),
				RequestBody.fromBytes(wav));
		TrackUpdated track = new TrackUpdated(id, owner, "Track " + number, null, Isrc.parse(randomIsrc()), false,
				"Electronic", "en",
				List.of(new Credit("Ada Lovelace", Role.MAIN_ARTIST), new Credit("Charles Babbage", Role.PRODUCER)),
				TrackUpdated.Status.READY, "wav", wav.length, sha256(wav), key,
				new AudioFacts("wav", "pcm_s16le", true, false, 44_100, 16, 2, seconds, -3.0, -16.0), false,
				Instant.now());
		this.catalogue.on(track);
		return track;
	}

	private void putCover(UserId owner, AlbumId album, byte[] jpeg) {
		String key = "artwork/" + owner + "/" + album + "/" + Uuid7.next() + "-3000";
		this.s3.putObject((request) -> request.bucket(LocalS3.shared().bucket()).key(key).contentType("image/jpeg"),
				RequestBody.fromBytes(jpeg));
	}

	/** A 16-bit stereo 44.1 kHz WAV (fmt code 1) of a tone, different for each track. */
	public static byte[] wav(double seconds, int tone) {
		int frames = (int) Math.round(44_100 * seconds);
		int dataSize = frames * 4;
		ByteBuffer buffer = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put("RIFF".getBytes()).putInt(36 + dataSize).put("WAVE".getBytes());
		buffer.put("fmt ".getBytes())
			.putInt(16)
			.putShort((short) 1)
			.putShort((short) 2)
			.putInt(44_100)
			.putInt(44_100 * 4)
			.putShort((short) 4)
			.putShort((short) 16);
		buffer.put("data".getBytes()).putInt(dataSize);
		double frequency = 220.0 * tone;
		for (int i = 0; i < frames; i++) {
			short sample = (short) (Math.sin(2 * Math.PI * frequency * i / 44_100) * 8000);
			buffer.putShort(sample).putShort(sample);
		}
		return buffer.array();
	}

	public static String randomUpc() {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 11; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (digits.charAt(i) - '0') * ((i % 2 == 0) ? 3 : 1);
		}
		return digits.append((10 - sum % 10) % 10).toString();
	}

	public static String randomIsrc() {
		return String.format("GBAYE26%05d", ThreadLocalRandom.current().nextInt(100_000));
	}

	public static Upc upc() {
		return Upc.parse(randomUpc());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] jpeg(int size) {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 60, 120));
		graphics.fillRect(0, 0, size, size);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * An album as announced, with its tracks.
	 *
	 * @param album the album's state
	 * @param tracks its tracks' states, in running order
	 */
	public record Album(AlbumUpdated album, List<TrackUpdated> tracks) {

		public UserId owner() {
			return this.album.ownerId();
		}

		public String upc() {
			return String.valueOf(this.album.upc());
		}

	}

}
