package com.notalabel.music.processing;

/**
 * A running job's lease as its worker sees it: renewed by {@link JobLeases} while the
 * work runs, and lost when a renewal finds the claim gone (another worker took the job
 * after this one fell silent, the instance handed it back, or the track was deleted). The
 * work checks it between its steps and stops once it is lost. Closing it, when the work
 * ends, stops the renewals.
 */
final class JobLease implements AutoCloseable {

	private final Claim claim;

	private final JobLeases leases;

	private volatile boolean lost;

	private volatile boolean closed;

	JobLease(Claim claim, JobLeases leases) {
		this.claim = claim;
		this.leases = leases;
	}

	Claim claim() {
		return this.claim;
	}

	/**
	 * Whether a renewal found the claim gone.
	 * @return whether the work should stop
	 */
	boolean lost() {
		return this.lost;
	}

	/**
	 * Stops the work if the lease is lost.
	 * @throws LeaseLost if it is
	 */
	void check() {
		if (this.lost) {
			throw new LeaseLost();
		}
	}

	boolean closed() {
		return this.closed;
	}

	void lose() {
		this.lost = true;
	}

	@Override
	public void close() {
		this.closed = true;
		this.leases.release(this);
	}

	/**
	 * The job is no longer this worker's; whatever it did is void.
	 */
	static final class LeaseLost extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LeaseLost() {
			super("The job's lease was lost", null, false, false);
		}

	}

}
