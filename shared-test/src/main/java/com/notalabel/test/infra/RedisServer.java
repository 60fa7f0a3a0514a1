package com.notalabel.test.infra;

/**
 * A Redis server for this test run. It may be shared with other runs, so every key a test
 * writes starts with {@link #keyPrefix()}; the keys under it are deleted when the run
 * ends.
 *
 * @param host the host to connect to
 * @param port the port to connect to
 * @param keyPrefix {@code nal-test:<runId>:}, unique to this run
 */
public record RedisServer(String host, int port, String keyPrefix) {

}
