package com.notalabel.gateway.ratelimit;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long SECOND = 1_000_000_000L;

	private final Queue<TokenBucket> toReport = new ConcurrentLinkedQueue<>();

	/** Ten a minute: one token every six seconds. */
	private final TokenBucket bucket = new TokenBucket(new RateLimitPolicy("test", 10, Duration.ofMinutes(1)), "key",
			0);

	@Test
	void allowsABurstUpToTheLimitThenRefuses() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.bucket.take(0, this.toReport).allowed()).isTrue();
		}

		RateLimitDecision refused = this.bucket.take(0, this.toReport);

		assertThat(refused).isEqualTo(new RateLimitDecision(false, 10, 0, 60, 6));
	}

	@Test
	void refillsAtTheRateOfThePolicy() {
		for (int i = 0; i < 10; i++) {
			this.bucket.take(0, this.toReport);
		}

		assertThat(this.bucket.take(5 * SECOND, this.toReport).allowed()).isFalse();
		RateLimitDecision allowed = this.bucket.take(6 * SECOND + SECOND / 2, this.toReport);
		assertThat(allowed.allowed()).isTrue();
		assertThat(allowed.remaining()).isZero();
		assertThat(this.bucket.take(6 * SECOND + SECOND / 2, this.toReport).retryAfterSeconds()).isEqualTo(6);
	}

	@Test
	void tellsWhatIsLeftAndWhenItIsFullAgain() {
		this.bucket.take(0, this.toReport);
		RateLimitDecision second = this.bucket.take(0, this.toReport);

		assertThat(second.remaining()).isEqualTo(8);
		assertThat(second.resetSeconds()).isEqualTo(12);
		assertThat(second.retryAfterSeconds()).isZero();
	}

	@Test
	void queuesItselfOnceForReportingAndHandsOverWhatWasTaken() {
		this.bucket.take(0, this.toReport);
		this.bucket.take(0, this.toReport);

		assertThat(this.toReport).containsExactly(this.bucket);
		assertThat(this.bucket.drainUnreported()).isEqualTo(2);
		assertThat(this.bucket.drainUnreported()).isZero();
	}

	@Test
	void carriesAFailedReportIntoTheNextOne() {
		this.bucket.take(0, this.toReport);
		this.toReport.clear();
		long taken = this.bucket.drainUnreported();

		this.bucket.reportFailed(taken, this.toReport);

		assertThat(this.toReport).containsExactly(this.bucket);
		assertThat(this.bucket.drainUnreported()).isEqualTo(1);
	}

	@Test
	void adoptsTheSharedCountLessWhatWasTakenSinceTheReport() {
		this.bucket.take(0, this.toReport);
		this.bucket.drainUnreported();
		this.bucket.take(0, this.toReport);

		this.bucket.adopt(3.0, 0);

		assertThat(this.bucket.peek(0, true).remaining()).isEqualTo(2);
	}

	@Test
	void refusesWhileTheSharedBucketIsInDebt() {
		this.bucket.adopt(-2.0, 0);

		assertThat(this.bucket.take(0, this.toReport).allowed()).isFalse();
		assertThat(this.bucket.take(19 * SECOND, this.toReport).allowed()).isTrue();
	}

}
