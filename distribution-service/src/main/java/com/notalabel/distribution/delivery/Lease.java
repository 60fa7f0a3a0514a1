package com.notalabel.distribution.delivery;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * A worker's hold on a claimed delivery. A heartbeat renews it in the database while the
 * delivery runs; the delivery asks {@link #ensureHeld()} before each piece of work that
 * the store would see. The hold is lost when a renewal finds the delivery in another
 * worker's hands, or when no renewal has succeeded for a whole lease (the database was
 * unreachable): from that moment another worker may take the delivery over, so this one
 * must not write another byte to the store.
 */
final class Lease implements AutoCloseable {

	private final Delivery delivery;

	private final long leaseNanos;

	private volatile long heldUntilNanos;

	private volatile boolean lost;

	private volatile @Nullable ScheduledFuture<?> heartbeat;

	/**
	 * @param delivery the claimed delivery
	 * @param lease how long a claim or a renewal holds it
	 * @param claimedAtNanos {@link System#nanoTime()} just before the claim
	 */
	Lease(Delivery delivery, Duration lease, long claimedAtNanos) {
		this.delivery = delivery;
		this.leaseNanos = lease.toNanos();
		this.heldUntilNanos = claimedAtNanos + this.leaseNanos;
	}

	Delivery delivery() {
		return this.delivery;
	}

	void heartbeat(ScheduledFuture<?> heartbeat) {
		this.heartbeat = heartbeat;
	}

	/**
	 * A renewal that started at {@code startedAtNanos} succeeded: the database holds the
	 * delivery for a lease from a moment no earlier than that.
	 */
	void renewed(long startedAtNanos) {
		this.heldUntilNanos = Math.max(this.heldUntilNanos, startedAtNanos + this.leaseNanos);
	}

	/** A renewal found the delivery in another worker's hands. */
	void lost() {
		this.lost = true;
		close();
	}

	boolean held() {
		return !this.lost && System.nanoTime() - this.heldUntilNanos < 0;
	}

	/**
	 * @throws LeaseLost if another worker may have taken the delivery over
	 */
	void ensureHeld() {
		if (!held()) {
			throw new LeaseLost(this.delivery);
		}
	}

	/** Stops the heartbeat. */
	@Override
	public void close() {
		ScheduledFuture<?> beating = this.heartbeat;
		if (beating != null) {
			beating.cancel(false);
		}
	}

}
