package com.notalabel.analytics.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.report.MalformedReport;
import com.notalabel.analytics.report.ReportImports;
import com.notalabel.shared.web.ProblemException;

/**
 * Reads each store's report folder over SFTP and imports every report once. A store
 * writes {@code DSR_<store>_<period>_<n>.tsv.gz} and, once it is whole, the marker
 * {@code DSR_<store>_<period>_<n>.ctrl}: a report is read only once its marker exists, so
 * a report still being written is never taken. A report imported, a duplicate of one
 * imported (by content hash) or refused as malformed is remembered and not read again;
 * one that failed otherwise (the connection broke) is tried again at the next poll. The
 * client pins each store's host key and logs in with the platform's key; every SFTP
 * channel is closed after its poll.
 */
@Component
public class StoreReportPickup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StoreReportPickup.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final List<String> REPORT_SUFFIXES = List.of(".tsv.gz", ".tsv");

	private final StoreServers servers;

	private final ReportImports imports;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Made anew at each start: a stopped SSHD client cannot be started again. */
	private volatile SshClient client = SshClient.setUpDefaultClient();

	private volatile boolean running;

	StoreReportPickup(StoreServers servers, ReportImports imports, JdbcClient jdbc, Clock clock) {
		this.servers = servers;
		this.imports = imports;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${nal.analytics.store-reports.poll-interval:5m}",
			fixedDelayString = "${nal.analytics.store-reports.poll-interval:5m}")
	void pollAll() {
		for (StoreServers.Store store : this.servers.stores()) {
			try {
				poll(store);
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				log.warn("Could not read the reports of {} at {}:{}; trying again at the next poll", store.name(),
						store.host(), store.port(), ex);
			}
		}
	}

	/**
	 * Imports the store's reports not taken yet.
	 * @param store the store
	 * @return what happened to each report looked at, by file name
	 * @throws IOException if the server cannot be reached or read
	 * @throws GeneralSecurityException if its host key or the platform's key cannot be
	 * used
	 */
	public List<String> poll(StoreServers.Store store) throws IOException, GeneralSecurityException {
		List<String> outcomes = new ArrayList<>();
		ServerKeyVerifier hostKey = hostKeyOf(store);
		try (ClientSession session = connect(store, hostKey);
				SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
			String folder = this.servers.storeReports().folder();
			Set<String> names = new HashSet<>();
			for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
				names.add(entry.getFilename());
			}
			for (String marker : names.stream().filter((name) -> name.endsWith(".ctrl")).sorted().toList()) {
				String base = marker.substring(0, marker.length() - ".ctrl".length());
				String report = REPORT_SUFFIXES.stream()
					.map((suffix) -> base + suffix)
					.filter(names::contains)
					.findFirst()
					.orElse(null);
				if (report == null || seen(store.name(), report)) {
					continue;
				}
				String outcome = take(store, sftp, folder + "/" + report, report);
				if (outcome != null) {
					outcomes.add(report + ": " + outcome);
				}
			}
		}
		return outcomes;
	}

	private @Nullable String take(StoreServers.Store store, SftpClient sftp, String path, String name)
			throws IOException {
		UUID importId = null;
		String outcome;
		try (InputStream in = sftp.read(path)) {
			importId = this.imports.importStoreReport(store.name(), name, in).id();
			outcome = "imported";
		}
		catch (MalformedReport ex) {
			log.warn("{} report {} is malformed at line {}: {}", store.name(), name, ex.line(), ex.reason());
			outcome = "refused";
		}
		catch (ProblemException ex) {
			if (!ex.code().equals("import.duplicate")) {
				// Busy or too large for now: tried again at the next poll.
				log.warn("{} report {} was not imported: {}", store.name(), name, ex.detail());
				return null;
			}
			outcome = "duplicate";
		}
		this.jdbc.sql("""
				insert into store_report_file (store, name, import_id, outcome, seen_at)
				values (:store, :name, :importId, :outcome, :seenAt) on conflict do nothing""")
			.param("store", store.name())
			.param("name", name)
			.param("importId", importId)
			.param("outcome", outcome)
			.param("seenAt", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		log.info("{} report {}: {}", store.name(), name, outcome);
		return outcome;
	}

	private boolean seen(String store, String name) {
		return this.jdbc.sql("select count(*) from store_report_file where store = :store and name = :name")
			.param("store", store)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The only host key the client accepts: the server's public key as
	 * {@code known_hosts} gives it, or its SHA-256 fingerprint as {@code ssh-keygen -lf}
	 * prints it ({@code SHA256:...}).
	 */
	private static ServerKeyVerifier hostKeyOf(StoreServers.Store store) throws IOException, GeneralSecurityException {
		String pinned = store.hostKey().strip();
		if (pinned.isEmpty()) {
			log.debug("Accepting any host key from {}: none is pinned", store.name());
			return (session, address, key) -> true;
		}
		if (pinned.startsWith("SHA256:")) {
			return (session, address, key) -> pinned.equals(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key));
		}
		PublicKey key = PublicKeyEntry.parsePublicKeyEntry(pinned).resolvePublicKey(null, null, null);
		return new RequiredServerKeyVerifier(key);
	}

	private ClientSession connect(StoreServers.Store store, ServerKeyVerifier hostKey) throws IOException {
		ClientSession session = this.client.connect(store.user(), store.host(), store.port())
			.verify(TIMEOUT)
			.getSession();
		try {
			session.setServerKeyVerifier(hostKey);
			for (KeyPair identity : identities(store)) {
				session.addPublicKeyIdentity(identity);
			}
			session.auth().verify(TIMEOUT);
			return session;
		}
		catch (IOException | RuntimeException ex) {
			session.close(true);
			throw ex;
		}
	}

	private static Iterable<KeyPair> identities(StoreServers.Store store) throws IOException {
		String source = (store.privateKey() != null) ? store.privateKey().toString() : store.name() + " key";
		try (InputStream in = (store.privateKey() != null) ? Files.newInputStream(store.privateKey())
				: new java.io.ByteArrayInputStream(
						store.privateKeyText().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
			Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(source), in, null);
			if (keys == null || !keys.iterator().hasNext()) {
				throw new IOException("No key in " + source);
			}
			return keys;
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("The key in " + source + " cannot be read", ex);
		}
	}

	@Override
	public void start() {
		this.client = SshClient.setUpDefaultClient();
		this.client.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.client.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
