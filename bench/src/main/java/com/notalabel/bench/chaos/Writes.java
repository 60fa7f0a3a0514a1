package com.notalabel.bench.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.notalabel.test.http.Multipart;
import com.notalabel.test.http.TestHttp;

/**
 * The writes the suite makes under faults and crowds, and every one the platform accepted
 * (2xx), so that each can be looked for afterwards.
 */
final class Writes {

	/**
	 * A write the platform accepted.
	 *
	 * @param owner the artist who made it
	 * @param path where it can be read, e.g. {@code /api/v1/albums/<id>}
	 */
	record Accepted(Artist owner, String path) {

		String id() {
			return this.path.substring(this.path.lastIndexOf('/') + 1);
		}

	}

	private final Api api;

	final List<Artist> accounts = Collections.synchronizedList(new ArrayList<>());

	final List<Accepted> albums = Collections.synchronizedList(new ArrayList<>());

	final List<Accepted> tracks = Collections.synchronizedList(new ArrayList<>());

	Writes(Api api) {
		this.api = api;
	}

	/**
	 * The writes leave checking their answer to the caller, who alone knows whether a 502
	 * was the wanted answer at the moment it came.
	 */
	Artist.Registration register() {
		Artist.Registration registration = Artist.attempt(this.api, "fault");
		if (registration.artist() != null) {
			this.accounts.add(registration.artist());
		}
		return registration;
	}

	Exchange createAlbum(Artist owner) {
		Exchange created = owner.send("POST", "/api/v1/albums", "create an album",
				(request) -> request.json(TestHttp.json(java.util.Map.of("title", "Chaos album", "type", "EP"))));
		if (created.status() == 201) {
			this.albums.add(new Accepted(owner, location(created, "/api/v1/albums/")));
		}
		return created;
	}

	Exchange upload(Artist owner) {
		Exchange uploaded = owner.send("POST", "/api/v1/tracks", "upload a track",
				(request) -> request.multipart(Multipart.file("chaos.wav", Wav.unique(2))));
		if (uploaded.status() == 202) {
			this.tracks.add(new Accepted(owner, location(uploaded, "/api/v1/tracks/")));
		}
		return uploaded;
	}

	/** The created resource's path, from its body's {@code id}. */
	private static String location(Exchange created, String prefix) {
		String id = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(created.body())
			.path("id")
			.asString();
		return prefix + id;
	}

}
