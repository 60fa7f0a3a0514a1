package com.notalabel.test.infra;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Computes a value on first use, once per JVM, also when many test threads ask at once. A
 * failure is remembered too: every later caller gets it at once instead of waiting for
 * another Docker pull or connection timeout that is bound to fail the same way.
 */
final class Once<T> {

	private final Supplier<T> supplier;

	private @Nullable T value;

	private @Nullable RuntimeException failure;

	Once(Supplier<T> supplier) {
		this.supplier = supplier;
	}

	synchronized T get() {
		if (this.value != null) {
			return this.value;
		}
		if (this.failure != null) {
			throw new IllegalStateException("Failed earlier in this JVM: " + this.failure.getMessage(), this.failure);
		}
		try {
			T computed = this.supplier.get();
			this.value = computed;
			return computed;
		}
		catch (RuntimeException ex) {
			this.failure = ex;
			throw ex;
		}
	}

}
