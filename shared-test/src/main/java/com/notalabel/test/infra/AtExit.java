package com.notalabel.test.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.util.ClassUtils;

/**
 * Runs clean-up when the JVM exits, after Spring Boot has closed every application
 * context it started (a test's cached contexts among them).
 * <p>
 * The JVM runs its shutdown hooks all at once. Dropping the run's database, deleting its
 * Redis keys or stopping S3 in a hook of its own pulled them from under a context that
 * was still stopping: music-service's processing workers then waited 30 s for a
 * connection to a database that was gone, and Surefire killed the JVM. Spring Boot's
 * shutdown handlers run once its contexts are closed.
 */
public final class AtExit {

	private static final boolean SPRING_BOOT = ClassUtils.isPresent("org.springframework.boot.SpringApplication",
			AtExit.class.getClassLoader());

	private AtExit() {
	}

	/**
	 * @param name what the action does, for a thread dump
	 * @param action the clean-up, quick and quiet (logging may be shut down)
	 */
	public static void run(String name, Runnable action) {
		if (SPRING_BOOT) {
			AfterSpringBoot.add(action);
		}
		else {
			Runtime.getRuntime().addShutdownHook(new Thread(action, name));
		}
	}

	/** Apart, so that a JVM without Spring Boot never loads it. */
	private static final class AfterSpringBoot {

		static void add(Runnable action) {
			SpringApplication.getShutdownHandlers().add(action);
		}

	}

}
