package com.notalabel.distribution.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.ddex.Acknowledgement;
import com.notalabel.distribution.delivery.SftpConnector.Connection;
import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;

/**
 * Reads each store's {@code acknowledgements/} folder and moves deliveries on: accepted
 * ({@code TAKEN_DOWN} for a takedown), rejected with the store's own words, live. Each
 * file is applied once, in one transaction with the record that it was read; an answer
 * about a batch whose delivery has not been recorded as delivered yet is left for a later
 * pass.
 */
@Component
public class AcknowledgementReader {

	private static final Logger log = LoggerFactory.getLogger(AcknowledgementReader.class);

	private final Deliveries deliveries;

	private final SftpConnector connector;

	private final CircuitBreakerRegistry breakers;

	private final DistributionProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AcknowledgementReader(Deliveries deliveries, SftpConnector connector, CircuitBreakerRegistry breakers,
			DistributionProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.connector = connector;
		this.breakers = breakers;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${distribution.delivery.acknowledgement-interval:10s}",
			initialDelayString = "${distribution.delivery.acknowledgement-interval:10s}")
	void poll() {
		if (!this.properties.delivery().enabled()) {
			return;
		}
		for (Platform platform : this.properties.platforms()) {
			CircuitBreaker breaker = this.breakers.circuitBreaker("store-" + platform.name());
			if (!breaker.tryAcquirePermission()) {
				continue;
			}
			long start = System.nanoTime();
			try {
				read(platform);
				breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
			}
			catch (IOException | RuntimeException ex) {
				breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, ex);
				log.info("Could not read the acknowledgements of {}: {}", platform.name(), ex.toString());
			}
		}
	}

	/**
	 * Reads one store's acknowledgements.
	 * @param platform the store
	 * @return how many were applied
	 * @throws IOException if the store cannot be read
	 */
	int read(Platform platform) throws IOException {
		String folder = BatchUpload.join(platform.sftp().folder(), Acknowledgement.FOLDER);
		int applied = 0;
		try (Connection connection = this.connector.open(platform)) {
			SftpClient sftp = connection.sftp();
			List<String> names = new ArrayList<>();
			try {
				for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
					if (Acknowledgement.isAcknowledgementFile(entry.getFilename())) {
						names.add(entry.getFilename());
					}
				}
			}
			catch (SftpException ex) {
				if (ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
					return 0;
				}
				throw ex;
			}
			names.sort(null);
			for (String name : names) {
				if (alreadyRead(platform, name)) {
					continue;
				}
				Acknowledgement acknowledgement;
				try (InputStream in = sftp.read(folder + "/" + name)) {
					acknowledgement = Acknowledgement.read(in);
				}
				catch (IllegalArgumentException ex) {
					log.warn("Unreadable acknowledgement {} from {}: {}", name, platform.name(), ex.getMessage());
					markRead(platform, name);
					continue;
				}
				Boolean done = this.transactions.execute((status) -> apply(platform, name, acknowledgement));
				if (Boolean.TRUE.equals(done)) {
					applied++;
				}
			}
		}
		return applied;
	}

	private boolean apply(Platform platform, String name, Acknowledgement acknowledgement) {
		Delivery delivery = this.deliveries.byBatch(platform.name(), acknowledgement.batchId().value()).orElse(null);
		if (delivery == null) {
			markRead(platform, name);
			return false;
		}
		if (delivery.status() == DeliveryStatus.QUEUED || delivery.status() == DeliveryStatus.DELIVERING) {
			// The worker has not recorded the end of the batch yet: answer it later.
			return false;
		}
		DeliveryStatus status = switch (acknowledgement.status()) {
			case ACCEPTED ->
				(delivery.kind() == DeliveryKind.TAKEDOWN) ? DeliveryStatus.TAKEN_DOWN : DeliveryStatus.ACCEPTED;
			case REJECTED -> DeliveryStatus.REJECTED;
			case LIVE -> (delivery.kind() == DeliveryKind.TAKEDOWN) ? null : DeliveryStatus.LIVE;
		};
		boolean changed = status != null && this.deliveries.answered(delivery, status, acknowledgement.reasons(),
				acknowledgement.at().isAfter(this.clock.instant()) ? this.clock.instant() : acknowledgement.at());
		markRead(platform, name);
		return changed;
	}

	private boolean alreadyRead(Platform platform, String name) {
		return this.jdbc
			.sql("select exists (select 1 from read_acknowledgement where platform = :platform and file_name = :name)")
			.param("platform", platform.name())
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	private void markRead(Platform platform, String name) {
		this.jdbc
			.sql("insert into read_acknowledgement (platform, file_name, read_at) values (:platform, :name, :at)"
					+ " on conflict do nothing")
			.param("platform", platform.name())
			.param("name", name)
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
