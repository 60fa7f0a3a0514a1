package com.notalabel.gateway.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A client that closes its sending side (a TCP half-close) still reads its answer. The
 * server channel allows half-closure; this handler decides what the end of the client's
 * input means:
 * <ul>
 * <li>between requests, the client is gone: the connection closes, as before;</li>
 * <li>in the middle of a request body (fewer bytes than its {@code Content-Length}), the
 * body fails, so that it ends as every broken-off body does
 * ({@link RequestBodyBrokenOff}, 400 problem+json), which the client can read; the
 * service's call is called off and stores nothing;</li>
 * <li>after a whole request, its answer is written first.</li>
 * </ul>
 * The connection closes once that answer is written. Without it, reactor-netty closed the
 * connection at the client's half-close and a truncated body got no answer at all (the
 * chaos suite's case, issue 13; ADR 27). One per connection, after the HTTP codec.
 */
final class HalfClosedRequests extends ChannelDuplexHandler {

	static final String NAME = "nal.halfClosedRequests";

	/** A request came in whose answer has not been written yet. */
	private boolean answerPending;

	private boolean bodyComplete;

	private boolean inputClosed;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest) {
			this.answerPending = true;
			this.bodyComplete = false;
		}
		if (msg instanceof LastHttpContent) {
			this.bodyComplete = true;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (!(event instanceof ChannelInputShutdownEvent)) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		this.inputClosed = true;
		if (!this.answerPending) {
			ctx.close();
		}
		else if (!this.bodyComplete) {
			ctx.fireExceptionCaught(
					new PrematureChannelClosureException("The client closed its side before the request body ended"));
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof LastHttpContent) {
			this.answerPending = false;
			if (this.inputClosed) {
				ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
				return;
			}
		}
		ctx.write(msg, promise);
	}

}
