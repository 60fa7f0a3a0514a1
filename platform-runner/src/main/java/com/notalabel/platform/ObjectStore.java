package com.notalabel.platform;

import java.net.URI;
import java.nio.file.Files;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3 for the platform on one machine: S3Proxy (a real S3 server) over a filesystem store
 * under {@code .platform/data/s3}, with the platform's bucket created.
 */
final class ObjectStore implements AutoCloseable {

	static final String BUCKET = "notalabel";

	static final String ACCESS_KEY = "local-access-key";

	static final String SECRET_KEY = "local-secret-key";

	static final String REGION = "us-east-1";

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	private final int port;

	private ObjectStore(S3Proxy proxy, BlobStoreContext context, int port) {
		this.proxy = proxy;
		this.context = context;
		this.port = port;
	}

	static ObjectStore start(Layout layout) throws Exception {
		int port = Ports.preferring(Integer.parseInt(Postgres.env("PLATFORM_S3_PORT", "9000")));
		Files.createDirectories(layout.data("s3"));
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", layout.data("s3").toAbsolutePath().toString());
		BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
			.credentials("identity", "credential")
			.overrides(properties)
			.build(BlobStoreContext.class);
		BlobStore blobs = context.getBlobStore();
		if (!blobs.containerExists(BUCKET)) {
			blobs.createContainerInLocation(null, BUCKET);
		}
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(blobs)
			.endpoint(URI.create("http://127.0.0.1:" + port))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		proxy.start();
		while (!proxy.getState().equals("STARTED")) {
			Thread.onSpinWait();
		}
		Console.log("S3: S3Proxy on 127.0.0.1:" + port + ", bucket " + BUCKET);
		return new ObjectStore(proxy, context, port);
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.context.close();
	}

}
