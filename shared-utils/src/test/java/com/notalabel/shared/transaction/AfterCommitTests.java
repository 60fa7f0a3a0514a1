package com.notalabel.shared.transaction;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AfterCommitTests {

	private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactionManager());

	private final List<String> done = new CopyOnWriteArrayList<>();

	@Test
	void runsTheWorkOnlyOnceTheTransactionHasCommitted() {
		this.transactions.executeWithoutResult((status) -> {
			AfterCommit.run("note the commit", () -> this.done.add("after commit"));
			assertThat(this.done).isEmpty();
		});

		assertThat(this.done).containsExactly("after commit");
	}

	@Test
	void dropsTheWorkWhenTheTransactionRollsBack() {
		this.transactions.executeWithoutResult((status) -> {
			AfterCommit.run("note the commit", () -> this.done.add("after commit"));
			status.setRollbackOnly();
		});

		assertThat(this.done).isEmpty();
	}

	@Test
	void runsTheWorkAtOnceWithoutATransaction() {
		AfterCommit.run("note the call", () -> this.done.add("at once"));

		assertThat(this.done).containsExactly("at once");
	}

	@Test
	void keepsTheCommitSuccessfulWhenTheWorkFails() {
		this.transactions.executeWithoutResult((status) -> {
			AfterCommit.run("fail", () -> {
				throw new IllegalStateException("storage is down");
			});
			AfterCommit.run("note the commit", () -> this.done.add("after commit"));
		});

		assertThat(this.done).containsExactly("after commit");
	}

	@Test
	void handsOverOneBatchPerTransaction() {
		List<List<String>> batches = new CopyOnWriteArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			AfterCommit.collect(this, "a", "collect", batches::add);
			AfterCommit.collect(this, "b", "collect", batches::add);
			AfterCommit.collect("another key", "x", "collect", batches::add);
			AfterCommit.collect(this, "c", "collect", batches::add);
		});

		assertThat(batches).containsExactly(List.of("a", "b", "c"), List.of("x"));
	}

	@Test
	void keepsTheBatchOfAnInnerTransactionApart() {
		List<List<String>> batches = new CopyOnWriteArrayList<>();
		TransactionTemplate inner = new TransactionTemplate(this.transactions.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.transactions.executeWithoutResult((status) -> {
			AfterCommit.collect(this, "outer", "collect", batches::add);
			inner.executeWithoutResult((innerStatus) -> AfterCommit.collect(this, "inner", "collect", batches::add));
			assertThat(batches).containsExactly(List.of("inner"));
			status.setRollbackOnly();
		});

		assertThat(batches).containsExactly(List.of("inner"));
	}

	@Test
	void handsOverASingleItemAtOnceWithoutATransaction() {
		List<List<String>> batches = new CopyOnWriteArrayList<>();

		AfterCommit.collect(this, "alone", "collect", batches::add);

		assertThat(batches).containsExactly(List.of("alone"));
	}

	/**
	 * Transactions with synchronization and nothing else, as any Spring transaction
	 * manager drives them.
	 */
	private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected Object doSuspend(Object transaction) {
			return transaction;
		}

		@Override
		protected void doResume(Object transaction, Object suspendedResources) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
