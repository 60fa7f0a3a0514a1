package com.notalabel.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

final class Commands {

	private Commands() {
	}

	/**
	 * @param exitCode the command's, or -1 when it did not finish in time
	 * @param output what it printed, errors included
	 */
	record Result(int exitCode, String output) {

		boolean timedOut() {
			return this.exitCode == -1;
		}

	}

	static Result run(Path directory, List<String> command, Duration timeout) {
		return run(directory, command, timeout, false);
	}

	/**
	 * Runs a command to its end or its timeout, whichever comes first: its output is read
	 * on the side, so a command that hangs cannot hold the caller beyond the timeout. A
	 * command that times out is stopped (its own children are left to the command's own
	 * clean-up: {@code ./platform up} leaves the supervisor to {@code ./platform down}).
	 * @param echo whether to show the output as it comes (progress in the build's log)
	 */
	static Result run(Path directory, List<String> command, Duration timeout, boolean echo) {
		return run(directory, command, Map.of(), timeout, echo);
	}

	/**
	 * As {@link #run(Path, List, Duration, boolean)}, with variables added to the
	 * command's environment.
	 */
	static Result run(Path directory, List<String> command, Map<String, String> environment, Duration timeout,
			boolean echo) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			StringBuilder output = new StringBuilder();
			Thread reader = Thread.ofVirtual().start(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						if (echo) {
							System.out.println(line);
						}
						synchronized (output) {
							output.append(line).append('\n');
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!finished) {
				process.destroy();
				process.waitFor(10, TimeUnit.SECONDS);
			}
			reader.join(Duration.ofSeconds(10));
			synchronized (output) {
				if (!finished) {
					output.append(String.join(" ", command))
						.append(" did not finish in ")
						.append(timeout.toSeconds())
						.append(" s\n");
				}
				return new Result(finished ? process.exitValue() : -1, output.toString());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
