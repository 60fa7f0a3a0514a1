package com.notalabel.shared.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed: what must not happen if it rolls
 * back and need not be part of it, such as removing objects from storage, waking a
 * worker, or pushing a notice to Redis. Built on Spring's
 * {@link TransactionSynchronizationManager}, so it follows any transaction that Spring
 * manages ({@code @Transactional}, {@code TransactionTemplate}).
 *
 * <ul>
 * <li>After a commit the work runs on the committing thread, before the transactional
 * method returns. Data access in it no longer takes part in the committed transaction;
 * work that writes needs a transaction of its own ({@code REQUIRES_NEW}).</li>
 * <li>After a rollback it does not run at all.</li>
 * <li>With no transaction active (no synchronization on this thread) it runs at once:
 * there is nothing to wait for.</li>
 * <li>A failure of the work is logged and goes no further: the transaction has committed,
 * so its caller must see the success. Work that must not be lost belongs in the
 * transaction itself (the outbox, a job row), with this as a mere wake-up.</li>
 * </ul>
 */
public final class AfterCommit {

	private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

	private AfterCommit() {
	}

	/**
	 * Runs the work after the current transaction commits (at once without one).
	 * @param what what the work does, for the log should it fail ("remove the artwork of
	 * album 42")
	 * @param work the work
	 */
	public static void run(String what, Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			runLogged(what, work);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				runLogged(what, work);
			}

		});
	}

	/**
	 * Adds an item to a batch that is handed over once, after the current transaction
	 * commits: however many items one transaction adds under the same key, the work runs
	 * once with all of them, in the order added. Without a transaction the work runs at
	 * once with this item alone.
	 * @param key names the batch within a transaction; typically the component that owns
	 * the work
	 * @param item the item
	 * @param what what the work does, for the log should it fail
	 * @param work receives the transaction's items
	 * @param <T> the item type
	 */
	public static <T> void collect(Object key, T item, String what, Consumer<? super List<T>> work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			runLogged(what, () -> work.accept(List.of(item)));
			return;
		}
		// The registered synchronizations belong to the current transaction alone (an
		// inner REQUIRES_NEW one starts with none), unlike resources bound to the thread.
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Batch<?> batch && batch.key.equals(key)) {
				@SuppressWarnings("unchecked")
				Batch<T> same = (Batch<T>) batch;
				same.items.add(item);
				return;
			}
		}
		Batch<T> batch = new Batch<>(key, what, work);
		batch.items.add(item);
		TransactionSynchronizationManager.registerSynchronization(batch);
	}

	private static void runLogged(String what, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not {} after the commit", what, ex);
		}
	}

	private static final class Batch<T> implements TransactionSynchronization {

		private final Object key;

		private final String what;

		private final Consumer<? super List<T>> work;

		private final List<T> items = new ArrayList<>();

		Batch(Object key, String what, Consumer<? super List<T>> work) {
			this.key = key;
			this.what = what;
			this.work = work;
		}

		@Override
		public void afterCommit() {
			runLogged(this.what, () -> this.work.accept(List.copyOf(this.items)));
		}

	}

}
