package com.notalabel.user.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key of a run without {@code JWT_SIGNING_KEY}: generated once and kept in a
 * file readable only by its owner, so that tokens survive a restart of a developer's
 * service. A file rather than the database: a private key there would let anyone who can
 * read the schema (a backup, a replica) mint tokens.
 */
final class LocalSigningKey {

	private static final Logger log = LoggerFactory.getLogger(LocalSigningKey.class);

	private LocalSigningKey() {
	}

	/**
	 * Reads the key from the file, creating the file with a new key first if it does not
	 * exist. Two instances starting together agree on one key: the file is written under
	 * a temporary name and moved into place only if nobody was first.
	 * @param file where the key is kept
	 * @return the key
	 */
	static RsaSigningKey loadOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			RsaSigningKey key = RsaSigningKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
			log.warn("Signing access tokens with the local key {} from {}; set JWT_SIGNING_KEY outside development",
					key.kid(), file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the local signing key " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, ".signing-key-", ".tmp");
		try {
			restrictToOwner(temporary);
			Files.writeString(temporary, RsaSigningKey.generate().toPem(), StandardCharsets.US_ASCII);
			Files.move(temporary, file);
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance created it first; its key is the one to use.
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrictToOwner(Path path) throws IOException {
		if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
