package com.notalabel.test.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs clean-up when the JVM exits, once Spring has closed the application contexts it
 * was closing (a test's cached contexts among them).
 * <p>
 * The JVM runs its shutdown hooks all at once. Dropping the run's database, deleting its
 * Redis keys or stopping S3 in a hook of its own pulled them from under a context that
 * was still stopping: music-service's processing workers then waited 30 s for a
 * connection to a database that was gone, and Surefire killed the JVM. The one hook here
 * waits for Spring's shutdown hooks first (Spring Boot's, or a plain context's), then
 * runs the actions, the last registered first.
 */
public final class AtExit {

	/** The names Spring Boot and Spring Framework give their shutdown hook threads. */
	private static final Set<String> SPRING_HOOKS = Set.of("SpringApplicationShutdownHook",
			"SpringContextShutdownHook");

	/** Spring's own phases are short in tests; past this, clean up regardless. */
	private static final Duration SPRING_WAIT = Duration.ofSeconds(20);

	private static final List<Runnable> actions = new ArrayList<>();

	private AtExit() {
	}

	/**
	 * @param action the clean-up, quick and quiet (logging may be shut down); a failure
	 * is printed to standard error and does not keep the other actions from running
	 */
	public static synchronized void run(Runnable action) {
		if (actions.isEmpty()) {
			Runtime.getRuntime().addShutdownHook(new Thread(AtExit::runAll, "nal-test-at-exit"));
		}
		actions.add(action);
	}

	private static void runAll() {
		awaitSpring();
		List<Runnable> toRun;
		synchronized (AtExit.class) {
			toRun = new ArrayList<>(actions.reversed());
		}
		for (Runnable action : toRun) {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				System.err.println("Test clean-up failed at exit: " + ex);
			}
		}
	}

	private static void awaitSpring() {
		long deadline = System.nanoTime() + SPRING_WAIT.toNanos();
		try {
			joinSpringHooks(deadline);
			// The JVM starts every hook in one loop: look again for one started just
			// after this one looked.
			Thread.sleep(50);
			joinSpringHooks(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void joinSpringHooks(long deadline) throws InterruptedException {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			long left = deadline - System.nanoTime();
			if (SPRING_HOOKS.contains(thread.getName()) && left > 0) {
				thread.join(Duration.ofNanos(left));
			}
		}
	}

}
