package com.notalabel.analytics.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.test.http.Multipart;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Artists as the tests need them: their catalogue as music-service's events leave it in
 * analytics (handled as the consumer handles them, in a transaction), and their calls.
 */
public final class Artists {

	private final CatalogueCopies catalogue;

	private final TransactionTemplate transactions;

	private final TestHttp http;

	public Artists(int port, CatalogueCopies catalogue, PlatformTransactionManager transactionManager) {
		this.catalogue = catalogue;
		this.transactions = new TransactionTemplate(transactionManager);
		this.http = TestHttp.on(port);
	}

	public UUID newArtist() {
		return UUID.randomUUID();
	}

	/**
	 * @param owner the artist
	 * @param title the track's title
	 * @param isrc its ISRC, or {@code null}
	 * @return the track
	 */
	public UUID track(UUID owner, String title, String isrc) {
		UUID track = TrackId.newId().value();
		trackUpdated(owner, track, title, isrc, Instant.now());
		return track;
	}

	public void trackUpdated(UUID owner, UUID track, String title, String isrc, Instant at) {
		TrackUpdated event = new TrackUpdated(TrackId.of(track), UserId.of(owner), title, null,
				(isrc != null) ? Isrc.parse(isrc) : null, false, null, null, List.of(), TrackUpdated.Status.READY,
				"wav", 1, "0".repeat(64), "originals/" + owner + "/" + track, null, false, at);
		this.transactions.executeWithoutResult((status) -> this.catalogue.on(event));
	}

	public UUID album(UUID owner, String upc, UUID... tracks) {
		UUID album = AlbumId.newId().value();
		AlbumUpdated event = new AlbumUpdated(AlbumId.of(album), UserId.of(owner), "Album", AlbumUpdated.AlbumType.EP,
				Upc.parse(upc), null, null, null, null, null, List.of(tracks).stream().map(TrackId::of).toList(), false,
				false, Instant.now());
		this.transactions.executeWithoutResult((status) -> this.catalogue.on(event));
		return album;
	}

	public Response importReport(UUID owner, String fileName, byte[] file) {
		return as(owner, this.http.post("/api/v1/analytics/imports")).multipart(Multipart.file(fileName, file)).send();
	}

	public Response get(UUID owner, String path) {
		return as(owner, this.http.get(path)).send();
	}

	public TestHttp http() {
		return this.http;
	}

	public static TestHttp.Request as(UUID owner, TestHttp.Request request) {
		return request.bearer(TestKeySet.shared().token(owner).value());
	}

}
