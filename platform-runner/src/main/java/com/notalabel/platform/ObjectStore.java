package com.notalabel.platform;

import com.notalabel.test.s3.LocalS3;

/**
 * S3 for the platform on one machine: shared-test's {@link LocalS3} (S3Proxy, a real S3
 * server) over a filesystem store under {@code .platform/data/s3}, with the platform's
 * bucket created.
 */
final class ObjectStore implements AutoCloseable {

	static final String BUCKET = "notalabel";

	static final String ACCESS_KEY = "local-access-key";

	static final String SECRET_KEY = "local-secret-key";

	static final String REGION = LocalS3.REGION;

	private final LocalS3 s3;

	private ObjectStore(LocalS3 s3) {
		this.s3 = s3;
	}

	/** The port S3 will listen on: 9000 unless taken ({@code PLATFORM_S3_PORT}). */
	static int choosePort() {
		return Ports.preferring(Integer.parseInt(Postgres.env("PLATFORM_S3_PORT", "9000")));
	}

	static String endpoint(int port) {
		return "http://127.0.0.1:" + port;
	}

	static ObjectStore start(Layout layout, int port) {
		LocalS3 s3 = LocalS3.builder()
			.bucket(BUCKET)
			.credentials(ACCESS_KEY, SECRET_KEY)
			.port(port)
			.folder(layout.data("s3"))
			.start();
		Console.log("S3: S3Proxy on 127.0.0.1:" + port + ", bucket " + BUCKET);
		return new ObjectStore(s3);
	}

	String endpoint() {
		return this.s3.endpoint().toString();
	}

	@Override
	public void close() {
		this.s3.close();
	}

}
