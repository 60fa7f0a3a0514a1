package com.notalabel.gateway.web;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body on its way to a service, watched so that a client's faults end as the
 * client's ({@link GatewayProblem}s, which the circuit breakers ignore) and never as the
 * service's:
 * <ul>
 * <li>no byte for the idle timeout while the gateway is waiting for more ends the body
 * with {@link RequestBodyStalled}; while the service is not reading (no demand) the
 * client is not waited on, and not blamed;</li>
 * <li>a body over the route's limit ends with {@link RequestTooLarge} (only chunked
 * bodies need counting: the decoder stops a declared one at its length);</li>
 * <li>the client's connection failing ends it with {@link RequestBodyBrokenOff}.</li>
 * </ul>
 * The timer runs on the connection's event loop, the thread that delivers the body, so
 * that it never races a delivery; it wakes once per idle period, not once per chunk.
 * Readable once, like the body it watches.
 */
final class WatchedBody extends Flux<DataBuffer> implements CoreSubscriber<DataBuffer>, Subscription, Runnable {

	private static final AtomicLongFieldUpdater<WatchedBody> REQUESTED = AtomicLongFieldUpdater
		.newUpdater(WatchedBody.class, "requested");

	private static final AtomicIntegerFieldUpdater<WatchedBody> SUBSCRIBED = AtomicIntegerFieldUpdater
		.newUpdater(WatchedBody.class, "subscribed");

	private final Flux<DataBuffer> source;

	private final @Nullable EventExecutor loop;

	private final long idleNanos;

	private final long limit;

	private @Nullable CoreSubscriber<? super DataBuffer> actual;

	private @Nullable Subscription upstream;

	private volatile @Nullable ScheduledFuture<?> timer;

	/** Chunks asked for, from any thread. */
	private volatile long requested;

	/** Chunks delivered, written on the event loop only. */
	private volatile long delivered;

	/** When a chunk last arrived or more were last asked for. */
	private volatile long lastActivity;

	private volatile boolean complete;

	private volatile boolean cancelled;

	private volatile int subscribed;

	/** Whether a terminal signal went downstream; on the event loop only. */
	private boolean done;

	/** Bytes delivered so far; on the event loop only. */
	private long received;

	/**
	 * @param source the body as the server receives it
	 * @param loop the event loop that delivers it, which also runs the idle timer; no
	 * timer without one
	 * @param idleNanos how long the body may stop arriving while the gateway waits for it
	 * @param limit how many bytes it may have
	 */
	WatchedBody(Flux<DataBuffer> source, @Nullable EventExecutor loop, long idleNanos, long limit) {
		this.source = source;
		this.loop = loop;
		this.idleNanos = idleNanos;
		this.limit = limit;
	}

	@Override
	public void subscribe(CoreSubscriber<? super DataBuffer> subscriber) {
		if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
			Operators.error(subscriber, new IllegalStateException("A request body can be read only once"));
			return;
		}
		this.actual = subscriber;
		this.source.subscribe(this);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			this.lastActivity = System.nanoTime();
			if (this.loop != null) {
				this.timer = this.loop.schedule(this, this.idleNanos, TimeUnit.NANOSECONDS);
			}
			actual().onSubscribe(this);
		}
	}

	@Override
	public void onNext(DataBuffer buffer) {
		if (this.done) {
			DataBufferUtils.release(buffer);
			return;
		}
		this.received += buffer.readableByteCount();
		if (this.received > this.limit) {
			DataBufferUtils.release(buffer);
			upstream().cancel();
			fail(new RequestTooLarge(this.limit));
			return;
		}
		this.lastActivity = System.nanoTime();
		this.delivered = this.delivered + 1;
		actual().onNext(buffer);
	}

	@Override
	public void onError(Throwable error) {
		if (this.done) {
			Operators.onErrorDropped(error, currentContext());
			return;
		}
		fail((error instanceof GatewayProblem) ? error : new RequestBodyBrokenOff());
	}

	@Override
	public void onComplete() {
		if (this.done) {
			return;
		}
		this.done = true;
		this.complete = true;
		stopTimer();
		actual().onComplete();
	}

	@Override
	public void request(long n) {
		if (Operators.validate(n)) {
			this.lastActivity = System.nanoTime();
			Operators.addCap(REQUESTED, this, n);
			upstream().request(n);
		}
	}

	@Override
	public void cancel() {
		this.cancelled = true;
		stopTimer();
		upstream().cancel();
	}

	@Override
	public Context currentContext() {
		return actual().currentContext();
	}

	/** The idle check, on the event loop. */
	@Override
	public void run() {
		if (this.done || this.cancelled || this.loop == null) {
			return;
		}
		long idleFor = System.nanoTime() - this.lastActivity;
		boolean waiting = isWaitingForTheClient();
		if (waiting && idleFor >= this.idleNanos) {
			upstream().cancel();
			fail(new RequestBodyStalled());
			return;
		}
		this.timer = this.loop.schedule(this, waiting ? this.idleNanos - idleFor : this.idleNanos,
				TimeUnit.NANOSECONDS);
	}

	/**
	 * Whose fault a failure of the service's call was: the route's response timeout
	 * passing while the gateway was still waiting for the client's body is the client's.
	 * @param error how the call failed
	 * @return the failure to report
	 */
	Throwable blame(Throwable error) {
		if (!(error instanceof GatewayProblem) && !this.complete && isWaitingForTheClient() && isTimeout(error)) {
			return new RequestBodyStalled();
		}
		return error;
	}

	private boolean isWaitingForTheClient() {
		return this.requested > this.delivered;
	}

	private static boolean isTimeout(Throwable error) {
		if (error instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return true;
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private void fail(Throwable error) {
		this.done = true;
		stopTimer();
		actual().onError(error);
	}

	private void stopTimer() {
		ScheduledFuture<?> current = this.timer;
		if (current != null) {
			current.cancel(false);
		}
	}

	private CoreSubscriber<? super DataBuffer> actual() {
		CoreSubscriber<? super DataBuffer> subscriber = this.actual;
		if (subscriber == null) {
			throw new IllegalStateException("Not subscribed");
		}
		return subscriber;
	}

	private Subscription upstream() {
		Subscription subscription = this.upstream;
		if (subscription == null) {
			throw new IllegalStateException("Not subscribed");
		}
		return subscription;
	}

}
