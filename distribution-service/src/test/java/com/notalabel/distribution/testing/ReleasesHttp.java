package com.notalabel.distribution.testing;

import java.util.UUID;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.id.UserId;

/**
 * The releases API over real HTTP, as an artist's client calls it.
 */
public final class ReleasesHttp {

	private final TestHttp http;

	public ReleasesHttp(int port) {
		this.http = TestHttp.on(port);
	}

	public Response get(UserId user, String path) {
		return this.http.get(path).bearer(TestKeySet.shared().accessToken(user.value())).send();
	}

	public Response post(UserId user, String path, String json) {
		return this.http.post(path)
			.bearer(TestKeySet.shared().accessToken(user.value()))
			.body("application/json", json)
			.send();
	}

	public Response post(UserId user, String path) {
		return post(user, path, "");
	}

	/**
	 * Creates a release of the album to the given stores.
	 * @return the answer
	 */
	public Response create(UserId user, UUID album, String releaseDate, String... platforms) {
		return post(user, "/api/v1/releases",
				"{\"albumId\": \"" + album + "\", \"platforms\": ["
						+ String.join(", ", java.util.Arrays.stream(platforms).map((p) -> "\"" + p + "\"").toList())
						+ "], \"releaseDate\": \"" + releaseDate + "\", \"territories\": [\"Worldwide\"]}");
	}

}
