package com.notalabel.test.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jspecify.annotations.Nullable;

import com.notalabel.test.infra.AtExit;

/**
 * A real S3 API over HTTP on {@code 127.0.0.1}: S3Proxy over a jclouds store (a folder,
 * or memory), with one bucket created and AWS v2/v4 signatures checked against one key
 * pair. It needs nothing but this JVM, so a test, the platform runner and a plain
 * {@code main} program start it the same way:
 *
 * <pre class="code">
 * try (LocalS3 s3 = LocalS3.builder().bucket("uploads").start()) {
 *     client.endpointOverride(s3.endpoint()); // path-style, region LocalS3.REGION
 * }
 * </pre>
 *
 * S3Proxy's Jetty threads are not daemons: close it, or the JVM of a {@code main} program
 * stays up.
 */
public final class LocalS3 implements AutoCloseable {

	/** The region clients sign for; S3Proxy accepts any. */
	public static final String REGION = "us-east-1";

	private final S3Proxy proxy;

	private final BlobStoreContext store;

	private final String bucket;

	private final String accessKey;

	private final String secretKey;

	private final @Nullable Path temporaryFolder;

	private LocalS3(S3Proxy proxy, BlobStoreContext store, Builder settings, @Nullable Path temporaryFolder) {
		this.proxy = proxy;
		this.store = store;
		this.bucket = settings.bucket;
		this.accessKey = settings.accessKey;
		this.secretKey = settings.secretKey;
		this.temporaryFolder = temporaryFolder;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The tests' server, one per JVM: started on first use over a temporary folder,
	 * stopped and its folder deleted when the JVM exits, after the Spring contexts that
	 * use it.
	 * @return the running server, bucket {@code nal-test}
	 */
	public static LocalS3 shared() {
		return Shared.INSTANCE;
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}, for a path-style client
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + port());
	}

	public int port() {
		return this.proxy.getPort();
	}

	public String bucket() {
		return this.bucket;
	}

	public String accessKey() {
		return this.accessKey;
	}

	public String secretKey() {
		return this.secretKey;
	}

	/**
	 * Stops the server, closes the store, and deletes the store's folder if it was a
	 * temporary one.
	 */
	@Override
	public void close() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("S3Proxy did not stop", ex);
		}
		finally {
			this.store.close();
			if (this.temporaryFolder != null) {
				deleteQuietly(this.temporaryFolder);
			}
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A temporary folder: the system's cleaning takes what is left.
		}
	}

	/**
	 * How to start a {@link LocalS3}. By default: bucket {@code nal-test}, a test key
	 * pair, any free port, a temporary folder deleted on {@link #close()}.
	 */
	public static final class Builder {

		private String bucket = "nal-test";

		private String accessKey = "test-access-key";

		private String secretKey = "test-secret-key";

		private int port;

		private @Nullable Path folder;

		private boolean inMemory;

		private Builder() {
		}

		/**
		 * @param bucket the bucket to create unless it exists
		 * @return this builder
		 */
		public Builder bucket(String bucket) {
			this.bucket = bucket;
			return this;
		}

		/**
		 * @param accessKey the access key id clients sign with
		 * @param secretKey its secret
		 * @return this builder
		 */
		public Builder credentials(String accessKey, String secretKey) {
			this.accessKey = accessKey;
			this.secretKey = secretKey;
			return this;
		}

		/**
		 * @param port the port to listen on, {@code 0} for any free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Keeps the objects in a folder that outlives the server.
		 * @param folder the folder, created if missing
		 * @return this builder
		 */
		public Builder folder(Path folder) {
			this.folder = folder;
			this.inMemory = false;
			return this;
		}

		/**
		 * Keeps the objects in the heap: for small objects only.
		 * @return this builder
		 */
		public Builder inMemory() {
			this.inMemory = true;
			this.folder = null;
			return this;
		}

		/**
		 * Starts the server; it answers once this returns.
		 * @return the running server
		 */
		public LocalS3 start() {
			Path temporary = null;
			BlobStoreContext store;
			try {
				if (this.inMemory) {
					store = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
				}
				else {
					Path basedir = this.folder;
					if (basedir == null) {
						temporary = Files.createTempDirectory("nal-s3-");
						basedir = temporary;
					}
					Files.createDirectories(basedir);
					Properties properties = new Properties();
					properties.setProperty("jclouds.filesystem.basedir", basedir.toAbsolutePath().toString());
					store = ContextBuilder.newBuilder("filesystem")
						.credentials("identity", "credential")
						.overrides(properties)
						.build(BlobStoreContext.class);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No folder for the S3 store", ex);
			}
			try {
				BlobStore blobs = store.getBlobStore();
				if (!blobs.containerExists(this.bucket)) {
					blobs.createContainerInLocation(null, this.bucket);
				}
				S3Proxy proxy = S3Proxy.builder()
					.blobStore(blobs)
					.endpoint(URI.create("http://127.0.0.1:" + this.port))
					.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, this.accessKey, this.secretKey)
					.build();
				// Jetty's start returns once the connector listens.
				proxy.start();
				if (!"STARTED".equals(proxy.getState())) {
					throw new IllegalStateException("S3Proxy is " + proxy.getState() + " after its start");
				}
				return new LocalS3(proxy, store, this, temporary);
			}
			catch (Exception ex) {
				store.close();
				if (temporary != null) {
					deleteQuietly(temporary);
				}
				throw (ex instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException("S3Proxy did not start on port " + this.port, ex);
			}
		}

	}

	private static final class Shared {

		static final LocalS3 INSTANCE = startForTheJvm();

		private static LocalS3 startForTheJvm() {
			LocalS3 s3 = builder().start();
			AtExit.run(s3::close);
			return s3;
		}

	}

}
