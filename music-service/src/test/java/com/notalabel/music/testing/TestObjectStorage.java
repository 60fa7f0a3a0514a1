package com.notalabel.music.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.testcontainers.containers.MinIOContainer;

import com.notalabel.test.infra.InfrastructureMode;
import com.notalabel.test.infra.TestInfrastructure;

/**
 * The tests' S3 server, one per JVM: MinIO in a container where a Docker engine runs
 * (like PostgreSQL and Redis, see {@link TestInfrastructure}), otherwise S3Proxy in this
 * JVM over a filesystem store in a temporary folder. Either is a real S3 API over HTTP.
 */
public final class TestObjectStorage {

	public static final String BUCKET = "notalabel-test";

	public static final String ACCESS_KEY = "test-access-key";

	public static final String SECRET_KEY = "test-secret-key";

	private static volatile URI endpoint;

	private TestObjectStorage() {
	}

	/**
	 * The server's endpoint, started on first use, with {@link #BUCKET} created.
	 * @return the S3 endpoint
	 */
	public static synchronized URI endpoint() {
		if (endpoint == null) {
			endpoint = (TestInfrastructure.mode() == InfrastructureMode.DOCKER) ? startMinio() : startS3Proxy();
		}
		return endpoint;
	}

	@SuppressWarnings("resource") // lives as long as the JVM; Ryuk removes it
	private static URI startMinio() {
		MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z").withUserName(ACCESS_KEY)
			.withPassword(SECRET_KEY);
		minio.start();
		URI uri = URI.create(minio.getS3URL());
		try (var client = S3Clients.client(uri)) {
			client.createBucket((request) -> request.bucket(BUCKET));
		}
		return uri;
	}

	private static URI startS3Proxy() {
		try {
			Path directory = Files.createTempDirectory("nal-music-s3-");
			Properties properties = new Properties();
			properties.setProperty("jclouds.filesystem.basedir", directory.toString());
			BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
				.credentials("identity", "credential")
				.overrides(properties)
				.build(BlobStoreContext.class);
			BlobStore blobs = context.getBlobStore();
			blobs.createContainerInLocation(null, BUCKET);
			S3Proxy proxy = S3Proxy.builder()
				.blobStore(blobs)
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
				.build();
			proxy.start();
			while (!proxy.getState().equals("STARTED")) {
				Thread.onSpinWait();
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					proxy.stop();
				}
				catch (Exception ex) {
					// the JVM is ending anyway
				}
				context.close();
			}));
			return URI.create("http://127.0.0.1:" + proxy.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not start", ex);
		}
	}

}
