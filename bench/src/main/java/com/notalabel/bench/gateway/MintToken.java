package com.notalabel.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.notalabel.test.security.TestKeySet;

/**
 * Writes a throwaway key set and one artist's access token signed with it, as
 * user-service issues them (ARCHITECTURE.md §4): {@code MintToken 
 * 
<dir>
 * } writes {@code 
 * 
<dir>
 * /jwks.json}, which the benchmark's backend serves to the gateway, and {@code 
 * 
<dir>
 * /token}, which wrk sends on every request.
 */
public final class MintToken {

	private MintToken() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		TestKeySet keys = TestKeySet.create();
		Files.writeString(directory.resolve("jwks.json"), keys.jwks());
		Files.writeString(directory.resolve("token"), keys.token().value());
	}

}
