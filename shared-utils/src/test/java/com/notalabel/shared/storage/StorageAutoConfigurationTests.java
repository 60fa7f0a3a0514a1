package com.notalabel.shared.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The shared S3 set-up: there only for a service that has the SDK, and against an
 * endpoint that accepts connections and then says nothing, every call ends within its
 * timeouts, after the retry policy's attempts, instead of hanging.
 */
class StorageAutoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class))
		.withPropertyValues("nal.storage.endpoint=http://127.0.0.1:9", "nal.storage.access-key=key",
				"nal.storage.secret-key=secret", "nal.storage.bucket=avatars");

	@Test
	void givesAServiceWithTheSdkAClientAPresignerAndItsBucket() {
		this.context.run((context) -> {
			assertThat(context).hasSingleBean(S3Client.class).hasSingleBean(S3Presigner.class);
			assertThat(context.getBean(ObjectStore.class).bucket()).isEqualTo("avatars");
		});
	}

	@Test
	void staysAwayFromAServiceWithoutTheSdk() {
		this.context.withClassLoader(new FilteredClassLoader(S3Client.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObjectStore.class)
				.doesNotHaveBean(StorageProperties.class));
	}

	@Test
	void refusesToStartWithoutCredentials() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class))
			.withPropertyValues("nal.storage.bucket=avatars")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void signsDownloadsForTheHostBrowsersReach() {
		this.context.withPropertyValues("nal.storage.public-endpoint=https://storage.example.com")
			.run((context) -> assertThat(
					context.getBean(ObjectStore.class).presignedDownload("avatars/a/b-512", "image/jpeg", null))
				.hasScheme("https")
				.hasHost("storage.example.com")
				.hasPath("/avatars/avatars/a/b-512"));
	}

	/** Far above what the calls below take; only a hang reaches it. */
	private static final Duration HANG = Duration.ofSeconds(30);

	@Test
	void aRequestToAStalledEndpointFailsAfterTheReadTimeoutOfEachAttempt() {
		assertTimeoutPreemptively(HANG, () -> {
			try (StalledEndpoint endpoint = new StalledEndpoint();
					S3Client client = client(endpoint, Duration.ofMillis(300), Duration.ofSeconds(5), 3)) {
				long started = System.nanoTime();

				SdkClientException failure = catchThrowableOfType(SdkClientException.class,
						() -> client.headObject((request) -> request.bucket("catalogue").key("originals/a")));

				assertThat(failure).hasRootCauseInstanceOf(SocketTimeoutException.class);
				endpoint.awaitConnections(3);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			}
		});
	}

	@Test
	void anUploadToAnEndpointThatReadsNothingFailsAfterTheAttemptTimeoutOfEachAttempt() {
		assertTimeoutPreemptively(HANG, () -> {
			// Reads alone would wait 30 s; the attempt timeout ends a body that cannot be sent.
			try (StalledEndpoint endpoint = new StalledEndpoint();
					S3Client client = client(endpoint, Duration.ofSeconds(30), Duration.ofMillis(500), 2)) {
				long started = System.nanoTime();

				SdkClientException failure = catchThrowableOfType(SdkClientException.class, () -> client.uploadPart(
						(request) -> request.bucket("catalogue").key("originals/a").uploadId("upload").partNumber(1),
						RequestBody.fromBytes(new byte[16 * 1024 * 1024])));

				assertThat(failure).isInstanceOf(ApiCallAttemptTimeoutException.class);
				endpoint.awaitConnections(2);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			}
		});
	}

	@Test
	void boundsEachRequestByDefaultNotAWholeUpload() {
		StorageProperties defaults = new Binder(new MapConfigurationPropertySource(
				Map.of("nal.storage.access-key", "key", "nal.storage.secret-key", "secret", "nal.storage.bucket", "b")))
			.bind("nal.storage", StorageProperties.class)
			.get();

		assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.callAttemptTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(defaults.callTimeout()).isEqualTo(Duration.ofMinutes(6));
		assertThat(defaults.maxAttempts()).isEqualTo(3);
		assertThat(defaults.maxConnections()).isEqualTo(64);
	}

	private static S3Client client(StalledEndpoint endpoint, Duration readTimeout, Duration callAttemptTimeout,
			int maxAttempts) {
		StorageProperties properties = new StorageProperties(endpoint.uri(), null, "us-east-1", "key", "secret",
				"catalogue", Duration.ofMinutes(5), 64, Duration.ofSeconds(2), readTimeout, callAttemptTimeout,
				Duration.ofSeconds(20), maxAttempts);
		return StorageAutoConfiguration.client(properties);
	}

	/**
	 * A server socket that accepts every connection and never reads or writes a byte.
	 */
	private static final class StalledEndpoint implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		private final Thread acceptor;

		StalledEndpoint() throws IOException {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			// A small window, so that an upload's body stops moving at once.
			this.server.setReceiveBufferSize(4096);
			this.acceptor = Thread.ofVirtual().start(() -> {
				while (!this.server.isClosed()) {
					try {
						this.accepted.add(this.server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			});
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
		}

		/** One connection per attempt; the last may still be in the accept queue. */
		void awaitConnections(int attempts) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.accepted).as("attempts").hasSize(attempts));
		}

		@Override
		public void close() throws Exception {
			this.server.close();
			for (Socket socket : this.accepted) {
				socket.close();
			}
			this.acceptor.join();
		}

	}

}
